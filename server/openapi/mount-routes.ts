import { Router, type RequestHandler } from 'express';
import { badParameters } from '../middleware/http-problem';
import { toExpressPath, type ApiRoute } from './route-spec';

/**
 * Mounts route declarations on a router (one router per area). A `closed` route rejects any query
 * parameter it does not declare, with a 400 that names it and lists what is allowed
 * (architecture point 7: public endpoints declare their limits).
 */
function checkQuery(route: ApiRoute): RequestHandler {
  const allowed = route.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  return (req, _res, next) => {
    const unknown = Object.keys(req.query as object).filter((name) => !allowed.includes(name));
    if (unknown.length === 0) return next();
    const permitted = allowed.length ? `paramètres permis : ${allowed.join(', ')}` : 'cette adresse ne prend aucun paramètre';
    next(badParameters(unknown.map((name) => ({ path: name, message: `${name} : paramètre inconnu ; ${permitted}` }))));
  };
}

/**
 * `stewardAuth`: the authentication chain of `steward` routes (session or Bearer token, 401
 * without, CSRF with a session), run after the query check and before the route's own `before`.
 */
export function mountRoutes(routes: readonly ApiRoute[], stewardAuth: RequestHandler[] = []): Router {
  const router = Router();
  for (const route of routes) {
    const handlers = [
      ...(route.query === 'closed' ? [checkQuery(route)] : []),
      ...(route.access === 'steward' ? stewardAuth : []),
      ...(route.before ?? []),
      route.handler,
    ];
    router[route.method](toExpressPath(route.path), ...handlers);
  }
  return router;
}
