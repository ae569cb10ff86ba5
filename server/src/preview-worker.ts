// Worker thread that lays out and renders preview SVGs, so a big layout never blocks diagnostics or completion.
import { parentPort } from 'node:worker_threads';
import { renderPreviewSvg } from '../../core/src/preview/render-svg';
import type { SvgJob, SvgJobResult } from './svg-renderer';

parentPort?.on('message', (job: SvgJob) => {
  let result: SvgJobResult;
  try {
    result = { id: job.id, svg: renderPreviewSvg(job.model) };
  } catch (e) {
    result = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(result);
});
