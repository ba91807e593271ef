import type { Account } from '../../../catalogue/accounts/types';
import type { Breadcrumb } from '../layout';

/**
 * What every workspace page shows around its content: the layout's menu entry (« Connexion »
 * marked current), the breadcrumbs under « Espace », the workspace menu with the account and the
 * logout form, the CSRF token for the page's forms, and a flash message.
 */
export interface ChromeOptions {
  title: string;
  breadcrumbs?: Breadcrumb[];
  scripts?: string[];
}

export function workspaceChrome(account: Account | null, csrf: string, flash: string | null, options: ChromeOptions) {
  const crumbs = options.breadcrumbs ?? (options.title === 'Mon espace' || !account ? [] : [{ label: 'Mon espace', href: '/espace' }]);
  return {
    nav: 'connexion',
    styles: ['/espace/ressources/espace.css'],
    breadcrumbs: crumbs,
    csrf,
    flash,
    espace: account
      ? {
          email: account.email,
          isAdmin: account.role === 'admin',
          roleLabel: account.role === 'admin' ? 'administrateur' : 'responsable de données',
        }
      : null,
  };
}
