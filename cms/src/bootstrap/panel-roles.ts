import type { Core } from '@strapi/strapi';
import { LOCALES } from '@ventalis/contracts';
import { PANEL_CONSULTANT_ROLE } from '../api/consultant/services/provisioning';

export const PANEL_MARKETER_ROLE = 'ventalis-marketer';

const UPLOAD = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
const EDIT = ['create', 'read', 'update', 'delete'].map((a) => `plugin::content-manager.explorer.${a}`);
const PUBLISH = 'plugin::content-manager.explorer.publish';

const PANEL_ROLES = [
  {
    code: PANEL_CONSULTANT_ROLE,
    name: 'Consultant',
    description: 'Consultants curate the catalogue: products, categories and eco labels, in French and English',
    subjects: ['api::product.product', 'api::category.category', 'api::eco-label.eco-label'],
    actions: EDIT,
  },
  {
    code: PANEL_MARKETER_ROLE,
    name: 'Marketer',
    description: 'Marketers edit, preview and publish the Home and "Our commitment" pages, in French and English',
    subjects: ['api::home-page.home-page', 'api::commitment-page.commitment-page'],
    actions: [...EDIT, PUBLISH],
  },
];

const isLocalized = (strapi: Core.Strapi, subject: string | null) =>
  Boolean(subject && (strapi.getModel(subject as never) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined)?.pluginOptions?.i18n?.localized);

/** The panel roles, created once and kept to exactly these permissions at every start. */
export async function syncPanelRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  const { actionProvider } = strapi.service('admin::permission');
  const contentActions = actionProvider.values().filter((a: { section: string }) => a.section === 'contentTypes');
  const allSubjects: string[] = Array.from(new Set(contentActions.flatMap((a: { subjects: string[] }) => a.subjects)));

  for (const definition of PANEL_ROLES) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    role ??= await roles.create({ name: definition.name, code: definition.code, description: definition.description });
    const permissions = strapi
      .service('admin::content-type')
      .getPermissionsWithNestedFields(
        contentActions.filter((a: { actionId: string }) => definition.actions.includes(a.actionId)),
        { restrictedSubjects: allSubjects.filter((s) => !definition.subjects.includes(s)) },
      )
      .map((p: { action: string; subject: string; properties: Record<string, unknown> }) => ({
        action: p.action,
        subject: p.subject,
        // Both languages of the localized content (i18n's `locales` property).
        properties: isLocalized(strapi, p.subject) ? { ...p.properties, locales: [...LOCALES] } : p.properties,
        conditions: [],
      }));
    await roles.assignPermissions(role.id, [...permissions, ...UPLOAD.map((action) => ({ action, subject: null, properties: {}, conditions: [] }))]);
  }
}
