import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assetPath } from '../assets';
import { registerAccountRoutes } from '../modules/auth/account-routes';
import { registerAuthRoutes } from '../modules/auth/routes';
import { registerUserRoutes } from '../modules/auth/user-routes';
import { registerCalendarRoutes } from '../modules/calendar/routes';
import { markSearchStateStale } from '../modules/catalog';
import { registerCatalogRoutes } from '../modules/catalog/routes';
import { registerControlReportRoutes } from '../modules/control-reports';
import { registerDossierRoutes } from '../modules/dossiers/routes';
import { registerMetricsDashboardRoutes } from '../modules/metrics/dashboard-routes';
import { registerMetricsExportRoutes } from '../modules/metrics/exports-routes';
import { registerProcessingTimesRoutes } from '../modules/metrics/processing-times-routes';
import { registerMetricsRoutes } from '../modules/metrics/routes';
import { registerMetricsSettingsRoutes } from '../modules/metrics/settings-routes';
import { registerNotifyRoutes } from '../modules/notify/routes';
import { registerUnitRoutes } from '../modules/org/routes';
import { registerPlanRoutes } from '../modules/plans';
import { registerPortalRoutes } from '../modules/portal/routes';
import { registerReformRoutes } from '../modules/reform/routes';
import type { App, AppDependencies } from './dependencies';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from './error-handler';
import { registerOpenApi } from './openapi';
import { registerRateLimit } from './rate-limit';
import { registerRequestInput } from './request-input';
import { type LogDestination, loggerOptions, registerRequestLog } from './request-log';
import { preRoutingSecurityHeaders, registerCompression, registerResponseHeaders } from './response-headers';
import { registerSession } from './session';
import { registerWebApp } from './web-app';

z.config(z.locales.vi());

export type { App, AppDependencies } from './dependencies';

/** Builds the HTTP application: API under /api, the web app (web/dist) everywhere else. */
export async function buildApp(dependencies: AppDependencies, options: { logDestination?: LogDestination } = {}): Promise<App> {
  const { config } = dependencies;
  const securityHeaders = preRoutingSecurityHeaders(config);
  const app = Fastify({
    ...loggerOptions(config, options.logDestination),
    bodyLimit: config.bodyLimitBytes,
    // Off unless TRUST_PROXY names the reverse proxies: else any client picks its own address (X-Forwarded-For).
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler(securityHeaders),
    clientErrorHandler: clientErrorHandler(securityHeaders),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerRequestLog(app);

  registerRequestInput(app);

  await registerResponseHeaders(app, config);
  await registerCompression(app);
  await app.register(fastifyCookie);
  await registerRateLimit(app, config);
  await registerOpenApi(app);
  registerSession(app, dependencies);
  // A write of this process may have changed what search reads: its next query reads the search counters again.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') markSearchStateStale();
    return payload;
  });

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  registerAuthRoutes(app, dependencies);
  registerAccountRoutes(app, dependencies);
  registerUserRoutes(app, dependencies);
  registerUnitRoutes(app, dependencies);
  registerCatalogRoutes(app, dependencies);
  registerCalendarRoutes(app, dependencies);
  registerPortalRoutes(app, dependencies);
  registerReformRoutes(app, dependencies);
  registerNotifyRoutes(app, dependencies);
  registerDossierRoutes(app, dependencies);
  registerMetricsRoutes(app, dependencies);
  registerMetricsExportRoutes(app, dependencies);
  registerMetricsSettingsRoutes(app, dependencies);
  registerMetricsDashboardRoutes(app, dependencies);
  registerProcessingTimesRoutes(app, dependencies);
  registerPlanRoutes(app, dependencies);
  registerControlReportRoutes(app, dependencies);

  await registerWebApp(app, dependencies.webRoot ?? assetPath('web', 'dist'));
  return app;
}
