/**
 * Who sees the Messages page: administrators, told apart as the Portfolios page does (only
 * they may read consultants). The cms' routes check the Super Admin role themselves.
 */
export const ADMINISTRATORS = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::consultant.consultant' }];
