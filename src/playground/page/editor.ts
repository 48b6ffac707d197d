// The scenario editor: CodeMirror 6 with YAML highlighting, the loader's problems inline
// (the same lines as `spoc validate`) and completion from the format's JSON Schema.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { scenarioJsonSchema } from '../../scenario/index.ts';
import { keyOptions, valueOptions } from './schema-completion.ts';
import { checkScenario, type Verdict } from './scenario-problems.ts';
import { yamlContextAt } from './yaml-context.ts';

const schema = scenarioJsonSchema();

function complete(context: CompletionContext): CompletionResult | null {
  const at = yamlContextAt(context.state.doc.toString(), context.pos);
  if (at.word === '' && !context.explicit) return null;
  const options =
    at.position === 'key'
      ? keyOptions(schema, at.path).map((o) => ({ label: o.label, type: 'property', info: o.detail, apply: `${o.label}: ` }))
      : valueOptions(schema, at.path).map((o) => ({ label: o.label, type: 'constant' }));
  return options.length === 0 ? null : { from: at.from, options, validFor: /^[\w$.-]*$/ };
}

export interface ScenarioEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
}

/**
 * @param onVerdict told of the loader's verdict each time the text has been checked
 * @param onChange told of every change of the text
 */
export function createEditor(parent: HTMLElement, text: string, onVerdict: (verdict: Verdict) => void, onChange: (text: string) => void): ScenarioEditor {
  const lint = linter(
    (view): Diagnostic[] => {
      const verdict = checkScenario(view.state.doc.toString());
      onVerdict(verdict);
      return verdict.ok ? [] : verdict.problems.map((p) => ({ from: p.from, to: p.to, severity: 'error', message: p.text }));
    },
    { delay: 300 },
  );
  const view = new EditorView({
    doc: text,
    parent,
    extensions: [
      basicSetup,
      yaml(),
      yamlLanguage.data.of({ autocomplete: complete }),
      autocompletion({ activateOnTyping: true }),
      lint,
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
  };
}
