import isAdministrator from './is-administrator';

export default { 'is-administrator': isAdministrator };
