// The FlowTime kind a document is forced to by its language id; other language ids (plain yaml) are detected by content.
import { MODEL_LANGUAGE_ID, TEMPLATE_LANGUAGE_ID } from '../../core/src/language/protocol';

export function kindForLanguage(languageId: string): 'model' | 'template' | undefined {
  if (languageId === MODEL_LANGUAGE_ID) return 'model';
  if (languageId === TEMPLATE_LANGUAGE_ID) return 'template';
  return undefined;
}
