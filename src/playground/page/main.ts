// The playground page: the editor, the bundled scenarios, the scenario kept in the address,
// runs in a Web Worker with progress and Stop, the results, downloads, the Erlang panel, and
// `window.spoc.run` for scripts and tests.
import embed from 'vega-embed';
import type { RunResult } from '../../metrics/results.ts';
import { renderRunReport } from '../../report/html/run-report.ts';
import { REPORT_CSS } from '../../report/html/page.ts';
import { CHART_CONFIG } from '../../report/html/render-chart.ts';
import { formatDuration, withOverrides } from '../../scenario/index.ts';
import { SCENARIO_FILE } from '../protocol.ts';
import { BUNDLED_SCENARIOS } from './bundled-scenarios.ts';
import { download } from './downloads.ts';
import { createEditor } from './editor.ts';
import { erlangAnswer } from './erlang-panel.ts';
import { resultView } from './results-view.ts';
import { RunClient, type RunEnd } from './run-client.ts';
import { autoInterval } from './run-interval.ts';
import { checkScenario, type Verdict } from './scenario-problems.ts';
import { decodeState, encodeState } from './url-state.ts';

const WORKER_URL = './worker.js';

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

interface ScriptRunOptions {
  readonly replications?: number;
  readonly seed?: number;
}

declare global {
  interface Window {
    spoc: {
      /** Resolves to the text `spoc run FILE --format json` prints for a file holding `text`. */
      run(text: string, options?: ScriptRunOptions): Promise<string>;
    };
  }
}

/** The lines `spoc run` would print for a refused or failed run, or for a stop. */
function endLines(end: Exclude<RunEnd, { kind: 'done' }>): string[] {
  switch (end.kind) {
    case 'refused':
      return [...end.lines];
    case 'failed':
      return [`spoc: internal error: ${end.message}`];
    case 'stopped':
      return ['stopped'];
  }
}

function exposeScriptApi(): void {
  const client = new RunClient(WORKER_URL);
  window.spoc = {
    async run(text, options = {}) {
      const end = await client.run({ text, replications: options.replications, seed: options.seed });
      if (end.kind === 'done') return end.json;
      throw new Error(endLines(end).join('\n'));
    },
  };
}

const optionalNumber = (input: HTMLInputElement): number | undefined => (input.value.trim() === '' ? undefined : Number(input.value));

async function start(): Promise<void> {
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.prepend(style);
  exposeScriptApi();

  const menu = element<HTMLSelectElement>('scenario-menu');
  for (const scenario of BUNDLED_SCENARIOS) menu.append(new Option(scenario.file, scenario.file));
  const replications = element<HTMLInputElement>('replications');
  const seed = element<HTMLInputElement>('seed');
  const problems = element<HTMLDivElement>('problems');

  const fromUrl = await decodeState(location.hash);
  const initial = fromUrl?.text ?? BUNDLED_SCENARIOS[0]?.text ?? '';
  if (fromUrl?.replications !== undefined) replications.value = String(fromUrl.replications);
  if (fromUrl?.seed !== undefined) seed.value = String(fromUrl.seed);

  let verdict: Verdict = checkScenario(initial);
  const showVerdict = (next: Verdict): void => {
    verdict = next;
    problems.replaceChildren(
      ...(next.ok
        ? []
        : next.problems.map((problem) => {
            const line = Object.assign(document.createElement('p'), { textContent: problem.text });
            line.addEventListener('click', () => editor.view.dispatch({ selection: { anchor: problem.from }, scrollIntoView: true }));
            return line;
          })),
    );
  };

  let saving: ReturnType<typeof setTimeout> | undefined;
  const saveState = (): void => {
    clearTimeout(saving);
    saving = setTimeout(async () => {
      const hash = await encodeState({ text: editor.text(), replications: optionalNumber(replications), seed: optionalNumber(seed) });
      history.replaceState(null, '', `#${hash}`);
    }, 300);
  };
  const selectMenu = (text: string): void => {
    menu.value = BUNDLED_SCENARIOS.find((s) => s.text === text)?.file ?? '';
  };

  const editor = createEditor(element('editor'), initial, showVerdict, (text) => {
    selectMenu(text);
    saveState();
  });
  showVerdict(verdict);
  selectMenu(initial);
  menu.addEventListener('change', () => {
    const chosen = BUNDLED_SCENARIOS.find((s) => s.file === menu.value);
    if (chosen !== undefined) editor.setText(chosen.text);
  });
  for (const input of [replications, seed]) input.addEventListener('input', saveState);
  element('copy-link').addEventListener('click', () => void navigator.clipboard?.writeText(location.href));

  setUpTabs();
  setUpRuns(editor.text, () => verdict, replications, seed);
  setUpErlang();
  element('page-state').textContent = 'ready';
  document.body.dataset.ready = 'true';
}

function setUpTabs(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.tabs button')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const other of buttons) {
        other.setAttribute('aria-selected', String(other === button));
        element(`tab-${other.dataset.tab}`).hidden = other !== button;
      }
    });
  }
}

function setUpRuns(textOf: () => string, verdictOf: () => Verdict, replications: HTMLInputElement, seed: HTMLInputElement): void {
  const client = new RunClient(WORKER_URL);
  client.warmUp();
  const runButton = element<HTMLButtonElement>('run');
  const stopButton = element<HTMLButtonElement>('stop');
  const progress = element<HTMLProgressElement>('progress');
  const state = element('run-state');
  const warnings = element('warnings');
  const results = element('results');
  const downloads = element('downloads');
  const command = element('command');
  let last: { json: string; csv: string; result: RunResult; text: string; overrides: ScriptRunOptions } | undefined;

  const say = (className: string, text: string): void => {
    warnings.append(Object.assign(document.createElement('p'), { className, textContent: text }));
  };

  element('run-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textOf();
    const verdict = verdictOf();
    const chosen = element<HTMLSelectElement>('interval').value;
    const interval = chosen === 'auto' ? (verdict.ok ? autoInterval(verdict.scenario.run.horizon) : undefined) : chosen === '' ? undefined : Number(chosen);
    const overrides = { replications: optionalNumber(replications), seed: optionalNumber(seed) };
    command.textContent = [
      `spoc run ${SCENARIO_FILE}`,
      ...(overrides.replications === undefined ? [] : [`--replications ${overrides.replications}`]),
      ...(overrides.seed === undefined ? [] : [`--seed ${overrides.seed}`]),
      ...(interval === undefined ? [] : [`--interval ${formatDuration(interval)}`]),
    ].join(' ');
    warnings.replaceChildren();
    results.replaceChildren();
    downloads.hidden = true;
    runButton.disabled = true;
    stopButton.disabled = false;
    progress.hidden = false;
    progress.value = 0;
    state.textContent = 'running…';
    const started = performance.now();
    const end = await client.run(
      { text, ...overrides, interval },
      {
        onProgress: (done, planned) => {
          progress.max = planned;
          progress.value = done;
          state.textContent = `${done} of ${planned} replications`;
        },
        onWarning: (message) => say('warning', `warning: ${message}`),
      },
    );
    runButton.disabled = false;
    stopButton.disabled = true;
    progress.hidden = true;
    if (end.kind !== 'done') {
      state.textContent = end.kind === 'stopped' ? 'stopped' : 'not run';
      if (end.kind !== 'stopped') for (const line of endLines(end)) say('refused', line);
      return;
    }
    state.textContent = `done in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    last = { json: end.json, csv: end.csv, result: end.result, text, overrides };
    const view = resultView(end.result);
    results.innerHTML = view.html;
    downloads.hidden = false;
    for (const slot of view.charts) {
      const spec = { ...slot.spec, config: { ...CHART_CONFIG, ...(slot.spec.config ?? {}) } };
      void embed(`#${slot.id}`, spec as never, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } });
    }
  });
  stopButton.addEventListener('click', () => client.stop());

  downloads.addEventListener('click', async (event) => {
    const kind = (event.target as HTMLElement).dataset.download;
    if (last === undefined || kind === undefined) return;
    if (kind === 'json') download('results.json', 'application/json', last.json);
    else if (kind === 'csv') download('results.csv', 'text/csv', last.csv);
    else {
      const verdict = checkScenario(last.text);
      const scenario = verdict.ok ? withOverrides(verdict.scenario, last.overrides) : undefined;
      download('report.html', 'text/html', await renderRunReport(last.result, { scenario }));
    }
  });
}

function setUpErlang(): void {
  const form = element<HTMLFormElement>('erlang-form');
  const compute = (): void => {
    const fields = Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)]));
    const answer = erlangAnswer(fields);
    element('erlang-command').textContent = answer.command;
    element('erlang-output').textContent = answer.output;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    compute();
  });
  compute();
}

void start();
