import { useState } from 'react';
import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { euros, usePanelData, type ClientFigures, type ConsultantFigures } from './api';
import { ConsultantsTable } from './ConsultantsTable';

const ClientsOf = ({ consultant, onBack }: { consultant: ConsultantFigures; onBack: () => void }) => {
  const { loading, error, data } = usePanelData<{ clients: ClientFigures[] }>(`/ventalis/portfolios/${consultant.id}/clients`);
  return (
    <Box>
      <Box paddingBottom={4}>
        <Button variant="tertiary" onClick={onBack}>← All consultants</Button>
      </Box>
      <Typography variant="beta" tag="h2">
        Clients of {consultant.firstName} {consultant.lastName} ({consultant.employeeNumber})
      </Typography>
      {loading ? <Page.Loading /> : error || !data ? <Page.Error /> : (
        <Table colCount={5} rowCount={data.clients.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">Company</Typography></Th>
              <Th><Typography variant="sigma">Contact</Typography></Th>
              <Th><Typography variant="sigma">Open orders</Typography></Th>
              <Th><Typography variant="sigma">Revenue 12 months</Typography></Th>
              <Th><Typography variant="sigma">Last order</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {data.clients.map((client) => (
              <Tr key={client.id}>
                <Td><Typography>{client.companyName}</Typography></Td>
                <Td><Typography>{client.firstName} {client.lastName} · {client.email}</Typography></Td>
                <Td><Typography>{client.openOrders}</Typography></Td>
                <Td><Typography>{euros(client.revenue12MonthsExclVatCents)}</Typography></Td>
                <Td><Typography>{client.lastOrderAt ? new Date(client.lastOrderAt).toLocaleDateString('fr-FR') : '—'}</Typography></Td>
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
  const { loading, error, data } = usePanelData<ConsultantFigures[]>('/ventalis/portfolios');
  const [selected, setSelected] = useState<ConsultantFigures | null>(null);
  return (
    <Page.Main>
      <Page.Title>Portfolios</Page.Title>
      <Layouts.Header title="Portfolios" subtitle="Each consultant's clients, open orders and revenue (excl. VAT) of the last 12 months" />
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
