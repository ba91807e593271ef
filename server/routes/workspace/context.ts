import type { Request, Response } from 'express';
import type { Catalogue } from '../../../catalogue';
import type { Actor } from '../../../catalogue/accounts/types';
import type { Config } from '../../../catalogue/config';
import { actorOf } from '../../middleware/auth';
import type { AuthKit } from '../../middleware/auth-kit';
import type { RenderPage } from '../../render/templates';
import { workspaceChrome, type ChromeOptions } from '../../view-models/workspace/chrome';

/**
 * What the workspace routers share: the catalogue, the configuration, the renderer and the
 * authentication kit (built at the first request), with small helpers to answer pages.
 */
export interface WorkspaceContext {
  catalogue: Catalogue;
  config: Config;
  render: RenderPage;
  auth: () => AuthKit;
}

export function actor(ctx: WorkspaceContext, req: Request): Actor {
  return actorOf(ctx.catalogue, req);
}

/** Route parameters as strings (express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

/** A one-time message for the next page (after a redirect). */
export function flash(req: Request, message: string): void {
  if (req.session) req.session.flash = message;
}

function takeFlash(req: Request): string | null {
  const message = req.session?.flash ?? null;
  if (message && req.session) delete req.session.flash;
  return message;
}

/**
 * Renders a workspace page: the workspace menu (account, logout form with its CSRF token), the
 * page's own model, and a flash message if one waits. Never cached: these pages are private.
 */
export function sendPage(ctx: WorkspaceContext, req: Request, res: Response, page: string, model: Record<string, unknown> & ChromeOptions, status = 200): void {
  const csrf = ctx.auth().csrf.token(req, res);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(ctx.render(page, { ...model, ...workspaceChrome(req.auth?.account ?? null, csrf, takeFlash(req), model) }));
}

/** Form fields as strings (urlencoded bodies and multipart fields alike); repeated keys as lists. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return String(value[value.length - 1] ?? '');
  return typeof value === 'string' ? value : '';
}

export function fieldList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? [value] : [];
}
