// The default name of an exported preview SVG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { svgExportName } from '../../../client/src/preview/export-name';

test('the last extension becomes .svg', () => {
  assert.equal(svgExportName('checkout.model.yaml'), 'checkout.model.svg');
  assert.equal(svgExportName('model.yaml'), 'model.svg');
  assert.equal(svgExportName('desk.template.yml'), 'desk.template.svg');
  assert.equal(svgExportName('Untitled-1'), 'Untitled-1.svg');
  assert.equal(svgExportName('.hidden'), '.hidden.svg');
  assert.equal(svgExportName('  '), 'preview.svg');
});
