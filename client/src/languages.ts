// The FlowTime language ids and the document selector the language client serves.
import type { DocumentSelector } from 'vscode-languageclient/node';
import * as vscode from 'vscode';
import { MODEL_LANGUAGE_ID, TEMPLATE_LANGUAGE_ID } from './protocol';

export const FLOWTIME_LANGUAGES: readonly string[] = [MODEL_LANGUAGE_ID, TEMPLATE_LANGUAGE_ID];

export function isFlowtimeDocument(doc: vscode.TextDocument): boolean {
  return FLOWTIME_LANGUAGES.includes(doc.languageId);
}

/** With content detection on, plain YAML files go to the server too, which tells whether they are FlowTime. */
export function documentSelector(contentDetection: boolean): DocumentSelector {
  const languages = contentDetection ? [...FLOWTIME_LANGUAGES, 'yaml'] : [...FLOWTIME_LANGUAGES];
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}
