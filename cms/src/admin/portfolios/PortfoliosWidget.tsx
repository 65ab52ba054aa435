import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { usePanelData, type ConsultantFigures } from './api';
import { ConsultantsTable } from './ConsultantsTable';

const none = { id: 'ventalis.portfolios.none' };

/** Homepage widget: each consultant's clients, open orders and revenue of the last 12 months. */
const PortfoliosWidget = () => {
  const { formatMessage } = useIntl();
  const { loading, error, data } = usePanelData<ConsultantFigures[]>('/ventalis/portfolios');
  if (loading) return <Widget.Loading />;
  if (error) return <Widget.Error />;
  if (!data || data.length === 0) return <Widget.NoData>{formatMessage(none)}</Widget.NoData>;
  return <ConsultantsTable consultants={data} />;
};

export default PortfoliosWidget;
