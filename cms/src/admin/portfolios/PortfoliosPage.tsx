import { useState } from 'react';
import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { defineMessages, useIntl } from 'react-intl';
import { formatDate, formatEuros, formatInteger } from '@ventalis/contracts/format';
import { usePanelData, usePanelLocale, type ClientFigures, type ConsultantFigures } from './api';
import { columns, ConsultantsTable } from './ConsultantsTable';

const own = defineMessages({
  title: { id: 'ventalis.portfolios.title' },
  subtitle: { id: 'ventalis.portfolios.subtitle' },
  back: { id: 'ventalis.portfolios.back' },
  clientsOf: { id: 'ventalis.portfolios.clients-of' },
});

const ClientsOf = ({ consultant, onBack }: { consultant: ConsultantFigures; onBack: () => void }) => {
  const { formatMessage } = useIntl();
  const locale = usePanelLocale();
  const { loading, error, data } = usePanelData<{ clients: ClientFigures[] }>(`/ventalis/portfolios/${consultant.id}/clients`);
  return (
    <Box>
      <Box paddingBottom={4}>
        <Button variant="tertiary" onClick={onBack}>{formatMessage(own.back)}</Button>
      </Box>
      <Typography variant="beta" tag="h2">
        {formatMessage(own.clientsOf, { name: `${consultant.firstName} ${consultant.lastName}`, employeeNumber: consultant.employeeNumber })}
      </Typography>
      {loading ? <Page.Loading /> : error || !data ? <Page.Error /> : (
        <Table colCount={5} rowCount={data.clients.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{formatMessage(columns.company)}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage(columns.contact)}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage(columns.openOrders)}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage(columns.revenue)}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage(columns.lastOrder)}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {data.clients.map((client) => (
              <Tr key={client.id}>
                <Td><Typography>{client.companyName}</Typography></Td>
                <Td><Typography>{client.firstName} {client.lastName} · {client.email}</Typography></Td>
                <Td><Typography>{formatInteger(client.openOrders, locale)}</Typography></Td>
                <Td><Typography>{formatEuros(client.revenue12MonthsExclVatCents, locale)}</Typography></Td>
                <Td><Typography>{client.lastOrderAt ? formatDate(client.lastOrderAt, locale) : '—'}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};

/** The administrator's Portfolios page: consultants, then the clients of one. */
const PortfoliosPage = () => {
  const { formatMessage } = useIntl();
  const { loading, error, data } = usePanelData<ConsultantFigures[]>('/ventalis/portfolios');
  const [selected, setSelected] = useState<ConsultantFigures | null>(null);
  return (
    <Page.Main>
      <Page.Title>{formatMessage(own.title)}</Page.Title>
      <Layouts.Header title={formatMessage(own.title)} subtitle={formatMessage(own.subtitle)} />
      <Layouts.Content>
        {selected ? (
          <ClientsOf consultant={selected} onBack={() => setSelected(null)} />
        ) : loading ? (
          <Page.Loading />
        ) : error || !data ? (
          <Page.Error />
        ) : (
          <ConsultantsTable consultants={data} onSelect={setSelected} />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default PortfoliosPage;
