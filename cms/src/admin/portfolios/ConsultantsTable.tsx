import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { euros, type ConsultantFigures } from './api';

/** Consultants with their clients, open orders and revenue; names open the drill-down when onSelect is given. */
export const ConsultantsTable = ({ consultants, onSelect }: { consultants: ConsultantFigures[]; onSelect?: (c: ConsultantFigures) => void }) => (
  <Table colCount={onSelect ? 5 : 4} rowCount={consultants.length + 1}>
    <Thead>
      <Tr>
        <Th><Typography variant="sigma">Consultant</Typography></Th>
        {onSelect && <Th><Typography variant="sigma">Employee no.</Typography></Th>}
        <Th><Typography variant="sigma">Clients</Typography></Th>
        <Th><Typography variant="sigma">Open orders</Typography></Th>
        <Th><Typography variant="sigma">Revenue 12 months</Typography></Th>
      </Tr>
    </Thead>
    <Tbody>
      {consultants.map((c) => {
        const name = `${c.firstName} ${c.lastName}${c.blocked ? ' (blocked)' : ''}`;
        return (
          <Tr key={c.id}>
            <Td>{onSelect ? <Button variant="ghost" onClick={() => onSelect(c)}>{name}</Button> : <Typography>{name}</Typography>}</Td>
            {onSelect && <Td><Typography>{c.employeeNumber}</Typography></Td>}
            <Td><Typography>{c.clients}</Typography></Td>
            <Td><Typography>{c.openOrders}</Typography></Td>
            <Td><Typography>{euros(c.revenue12MonthsExclVatCents)}</Typography></Td>
          </Tr>
        );
      })}
    </Tbody>
  </Table>
);
