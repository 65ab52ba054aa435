import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { isLocale } from '@ventalis/contracts/locale';
import type { FormatLocale } from '@ventalis/contracts/format';

export interface ConsultantFigures {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  employeeNumber: string;
  blocked: boolean;
  clients: number;
  openOrders: number;
  revenue12MonthsExclVatCents: number;
}

export interface ClientFigures {
  id: number;
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
  openOrders: number;
  revenue12MonthsExclVatCents: number;
  lastOrderAt: string | null;
}

/** The panel's language for the shared formatters: French, or English (the panel's fallback). */
export function usePanelLocale(): FormatLocale {
  const { locale } = useIntl();
  return isLocale(locale) ? locale : 'en';
}

/** Loads a panel route of the cms (admin authentication is added by the fetch client). */
export function usePanelData<T>(path: string | null) {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ loading: boolean; error: boolean; data: T | null }>({ loading: true, error: false, data: null });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState({ loading: true, error: false, data: null });
    get<{ data: T }>(path)
      .then(({ data }) => live && setState({ loading: false, error: false, data: data.data }))
      .catch(() => live && setState({ loading: false, error: true, data: null }));
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
