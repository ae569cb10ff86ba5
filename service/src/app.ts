// The loopback HTTP service (fastify): export, validate, read and list model artifacts and templates.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { ArtifactStore, emitModelYaml } from '../../core/src/artifacts';
import type { ValidationReport } from '../../core/src/artifacts/validation-report';
import { exportModel, guard, newFromTemplate } from '../../core/src/sim/operations';
import type { ArtifactResult } from '../../core/src/sim/operations';
import { validateText } from '../../core/src/validate';
import type { Diagnostic } from '../../core/src/diagnostics';
import { VERSION } from '../../core/src/version';
import { errorHandler, HttpError, onClientModel, sendError } from './errors';
import { bodyObject, optionalFileName, optionalObject, optionalString, optionalStringList, optionalVersion, requiredString } from './request';
import { loadTemplateCatalog, templateJson } from '../../core/src/sim/template-catalog';

export interface ServiceOptions {
  /** Artifacts root (holds `models/`). */
  root: string;
  templateDirs?: readonly string[];
  /** Largest accepted request body in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number;
  /** A connection that sends or awaits nothing for this long is closed (a stalled or trickling client). Default 30 s. */
  idleTimeoutMs?: number;
  logger?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  'model.yaml': 'application/yaml; charset=utf-8',
  'metadata.json': 'application/json; charset=utf-8',
  'validation.json': 'application/json; charset=utf-8',
  'preview.svg': 'image/svg+xml',
};

export function buildApp(options: ServiceOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // A client that stalls mid-request (or trickles it) must not hold a connection forever: idle sockets are closed,
    // and a whole request must arrive within two minutes (Node checks that one only every 30 s).
    connectionTimeout: options.idleTimeoutMs ?? 30_000,
    requestTimeout: 120_000,
    // A model id can be 129 characters (64-character slug, '_', up to 64 hex); the router's default cap is 100.
    routerOptions: { maxParamLength: 256 },
    // Undecodable URLs and over-long params are answered by the router itself: give them the error envelope too.
    frameworkErrors: errorHandler,
  });
  const store = new ArtifactStore(options.root);
  const templateDirs = options.templateDirs ?? [];
  app.setErrorHandler(errorHandler);
  // Fastify parses text/plain by default: a JSON body sent as text/plain would be refused as "not a JSON object".
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`));

  app.get('/healthz', async () => ({ status: 'ok', service: 'flowtime-sim', version: VERSION }));

  app.get('/sim/templates', async () => loadTemplateCatalog(templateDirs).map((t) => templateJson(t)));

  app.get('/sim/models', async (request) => {
    const q = request.query as Record<string, unknown>;
    // `?template=a&template=b` arrives as an array: refuse it rather than silently listing everything.
    const template = optionalString(q, 'template');
    return { models: guard(() => store.list(template === undefined ? {} : { template })) };
  });

  app.get('/sim/models/:id', async (request) => {
    const { id } = request.params as { id: string };
    const q = request.query as Record<string, unknown>;
    const details = guard(() => store.get(id));
    const version = optionalVersion(q.version, 'version') ?? details.latestVersion;
    const entry = details.versions.find((v) => v.version === version);
    if (!entry) throw new HttpError(404, 'version-not-found', `model '${id}' has no version v${version}`, { versions: details.versions.map((v) => v.version) });
    const metadata: unknown = version === details.latestVersion ? details.metadata : JSON.parse(guard(() => store.read(id, version, 'metadata.json')));
    return {
      id,
      version,
      latestVersion: details.latestVersion,
      versions: details.versions.map((v) => v.version),
      files: entry.files.map((f) => ({ name: f, url: `/sim/models/${encodeURIComponent(id)}/v${version}/${f}` })),
      metadata,
    };
  });

  app.get('/sim/models/:id/:version/:file', async (request, reply) => {
    const p = request.params as { id: string; version: string; file: string };
    // The segment names a folder (v1, v2, ...): anything else is no such resource (404), as the message says.
    const m = /^v([1-9][0-9]{0,8})$/.exec(p.version);
    if (!m) throw new HttpError(404, 'not-found', `no such version '${p.version.slice(0, 80)}' (use v1, v2, ...)`);
    const version = Number(m[1]);
    const type = CONTENT_TYPES[p.file];
    if (!type) throw new HttpError(404, 'not-found', `an artifact has only ${Object.keys(CONTENT_TYPES).join(', ')}`);
    const text = guard(() => store.read(p.id, version, p.file));
    return reply.type(type).send(text);
  });

  app.post('/sim/models/export', async (request, reply) => {
    const body = bodyObject(request.body);
    const meta = optionalObject(body, 'metadata') ?? {};
    const common = {
      root: options.root,
      name: requiredString(body, 'name'),
      version: optionalVersion(body.version, 'version'),
      title: optionalString(meta, 'title'),
      description: optionalString(meta, 'description'),
      author: optionalString(meta, 'author'),
      tags: optionalStringList(body, 'tags'),
    };
    const modelYaml = optionalString(body, 'model_yaml');
    const template = optionalString(body, 'template');
    if ((modelYaml === undefined) === (template === undefined)) {
      throw new HttpError(400, 'invalid-request', "give exactly one of 'template' (with 'parameters') or 'model_yaml'");
    }
    // The core also takes a template file path (for the CLI); over HTTP that would let a client read files on the server.
    if (template !== undefined && looksLikePath(template)) {
      throw new HttpError(404, 'template-not-found', `'${template.slice(0, 80)}' is not a template id; the service only uses its own templates (GET /sim/templates)`);
    }
    const parameters = optionalObject(body, 'parameters') ?? {};
    const fileName = optionalFileName(body, 'file_name') ?? 'model.yaml';
    const result: ArtifactResult = onClientModel(request.log, () =>
      template !== undefined
        ? newFromTemplate({ ...common, template, templateDirs, parameters })
        : exportModel({ ...common, text: modelYaml as string, fileName }),
    );
    return reply.code(result.created ? 201 : 200).send(exportResponse(result, store));
  });

  // Without these, GET /sim/models/export would reach /sim/models/:id and be refused as a bad model id.
  for (const url of ['/sim/models/export', '/sim/models/validate']) {
    app.route({
      method: ['GET', 'PUT', 'PATCH', 'DELETE'],
      url,
      handler: async (request, reply) => sendError(reply.header('allow', 'POST'), 405, 'method-not-allowed', `${request.method} is not allowed on ${url}; use POST`),
    });
  }

  app.post('/sim/models/validate', async (request) => {
    const body = bodyObject(request.body);
    const yamlText = optionalString(body, 'model_yaml');
    const schemaObject = body.model_schema;
    if ((yamlText === undefined) === (schemaObject === undefined)) {
      throw new HttpError(400, 'invalid-request', "give exactly one of 'model_schema' (the model as a JSON object) or 'model_yaml' (YAML text)");
    }
    let text: string;
    if (yamlText !== undefined) text = yamlText;
    else {
      if (typeof schemaObject !== 'object' || schemaObject === null || Array.isArray(schemaObject)) {
        throw new HttpError(400, 'invalid-request', "'model_schema' must be a JSON object");
      }
      try {
        text = emitModelYaml(schemaObject as Record<string, unknown>);
      } catch (e) {
        throw new HttpError(422, 'invalid-model', `'model_schema' cannot be written as a model: ${(e as Error).message}`);
      }
    }
    const result = onClientModel(request.log, () => validateText(text, { kind: 'model' }));
    return validateResponse(result.diagnostics, result.valid, yamlText === undefined ? text : undefined);
  });

  return app;
}

/** The same test resolveTemplate uses to read `ref` as a file path instead of a template id. */
function looksLikePath(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

function exportResponse(result: ArtifactResult, store: ArtifactStore): Record<string, unknown> {
  const metadata = JSON.parse(store.read(result.model_id, result.version, 'metadata.json')) as { metadata?: { title?: string } };
  const report: ValidationReport = result.validation;
  const compat = report.engine_compatibility;
  return {
    model_id: result.model_id,
    version: result.version,
    created: result.created,
    path: result.path,
    artifact_metadata: {
      id: result.model_id,
      version: `v${result.version}`,
      title: metadata.metadata?.title ?? result.model_id,
      engine_compatible: compat.csharp && compat.rust,
      quality_score: report.quality.score,
      url: `/sim/models/${encodeURIComponent(result.model_id)}?version=${result.version}`,
    },
    validation: {
      structure_valid: report.valid,
      engine_compatible: compat.csharp && compat.rust,
      engine_compatibility: compat,
      warnings: report.diagnostics.filter((d) => d.severity === 'warning'),
      diagnostics: report.diagnostics,
      quality: report.quality,
    },
  };
}

function validateResponse(diagnostics: Diagnostic[], valid: boolean, normalizedYaml: string | undefined): Record<string, unknown> {
  const rust = diagnostics.some((d) => d.code.startsWith('rust.') && d.severity !== 'info');
  const out: Record<string, unknown> = {
    valid,
    structure_valid: valid,
    engine_compatible: valid && !rust,
    engine_compatibility: { csharp: valid, rust: valid && !rust },
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    diagnostics,
  };
  // Ranges of a JSON model_schema refer to its YAML rendering, which is returned so they can be read.
  if (normalizedYaml !== undefined) out.model_yaml = normalizedYaml;
  return out;
}
