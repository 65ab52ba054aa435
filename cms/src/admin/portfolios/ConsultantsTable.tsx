import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { defineMessages, useIntl } from 'react-intl';
import { formatEuros, formatInteger } from '@ventalis/contracts/format';
import { usePanelLocale, type ConsultantFigures } from './api';

export const columns = defineMessages({
  consultant: { id: 'ventalis.portfolios.column.consultant' },
  employeeNumber: { id: 'ventalis.portfolios.column.employee-number' },
  clients: { id: 'ventalis.portfolios.column.clients' },
  openOrders: { id: 'ventalis.portfolios.column.open-orders' },
  revenue: { id: 'ventalis.portfolios.column.revenue' },
  company: { id: 'ventalis.portfolios.column.company' },
  contact: { id: 'ventalis.portfolios.column.contact' },
  lastOrder: { id: 'ventalis.portfolios.column.last-order' },
});
const blocked = { id: 'ventalis.portfolios.blocked' };

/** Consultants with their clients, open orders and revenue; names open the drill-down when onSelect is given. */
export const ConsultantsTable = ({ consultants, onSelect }: { consultants: ConsultantFigures[]; onSelect?: (c: ConsultantFigures) => void }) => {
  const { formatMessage } = useIntl();
  const locale = usePanelLocale();
  return (
    <Table colCount={onSelect ? 5 : 4} rowCount={consultants.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{formatMessage(columns.consultant)}</Typography></Th>
          {onSelect && <Th><Typography variant="sigma">{formatMessage(columns.employeeNumber)}</Typography></Th>}
          <Th><Typography variant="sigma">{formatMessage(columns.clients)}</Typography></Th>
          <Th><Typography variant="sigma">{formatMessage(columns.openOrders)}</Typography></Th>
          <Th><Typography variant="sigma">{formatMessage(columns.revenue)}</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {consultants.map((c) => {
          const fullName = `${c.firstName} ${c.lastName}`;
          const name = c.blocked ? formatMessage(blocked, { name: fullName }) : fullName;
          return (
            <Tr key={c.id}>
              <Td>{onSelect ? <Button variant="ghost" onClick={() => onSelect(c)}>{name}</Button> : <Typography>{name}</Typography>}</Td>
              {onSelect && <Td><Typography>{c.employeeNumber}</Typography></Td>}
              <Td><Typography>{formatInteger(c.clients, locale)}</Typography></Td>
              <Td><Typography>{formatInteger(c.openOrders, locale)}</Typography></Td>
              <Td><Typography>{formatEuros(c.revenue12MonthsExclVatCents, locale)}</Typography></Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
