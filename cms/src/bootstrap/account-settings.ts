import type { Core } from '@strapi/strapi';

/** Registration and mail settings of the accounts plugin, derived from configuration. */
export async function applyAccountSettings(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const storefrontUrl = strapi.config.get('ventalis.storefrontUrl') as string;
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  await store.set({
    key: 'advanced',
    value: {
      ...advanced,
      unique_email: true,
      allow_register: true,
      email_confirmation: true,
      // The confirmation route sends each account to its own language's page (users-permissions extension); this is the fallback.
      email_confirmation_redirection: `${storefrontUrl}/fr/account/confirmed`,
      email_reset_password: `${storefrontUrl}/fr/reset-password`,
      default_role: 'customer',
    },
  });
  const email = ((await store.get({ key: 'email' })) ?? {}) as Record<string, { options: Record<string, unknown> }>;
  if (email.email_confirmation) {
    email.email_confirmation.options = {
      ...email.email_confirmation.options,
      object: 'Confirm your Ventalis account',
      message: '<p>Welcome to Ventalis.</p><p>Confirm your email address to start ordering:</p><p><a href="<%= URL %>?confirmation=<%= CODE %>"><%= URL %>?confirmation=<%= CODE %></a></p>',
    };
    await store.set({ key: 'email', value: email });
  }
}
