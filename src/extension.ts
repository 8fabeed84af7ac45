// Composition root: builds the shared services and registers every contribution. It only wires.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { AgentToolServices, registerAgentTools } from './agentTools/vscode/registerAgentTools';
import { registerAccountCommands } from './commands/accountCommands';
import { Activity, registerActivity } from './activity/vscode/activityCommands';
import { registerAppCommands } from './commands/appCommands';
import { registerCertCommands } from './commands/certCommands';
import { CommandContext, registerCommand } from './commands/commandContext';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerGroupCommands } from './commands/groupCommands';
import { keysChanged, registerKeyCommands } from './commands/keyCommands';
import { registerPodAsCodeCommands } from './commands/podAsCodeCommands';
import { registerPodCommands } from './commands/podCommands';
import { registerSearchCommands } from './commands/searchCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { knownAppKeys } from './credentials/appKeyCache';
import { ExpiryRadar } from './credentials/expiryRadar';
import { knownPodManaged } from './credentials/podManagedCertificates';
import { ExpiryStatusBar } from './credentials/expiryStatusBar';
import { registerDetailPanels } from './editors/detailPanelCommands';
import type { DetailPanels } from './editors/detailPanels';
import { registerManifestEditors } from './editors/manifestCommands';
import { addDemoPod } from './pods/demoPod';
import { inTurns } from './parts/inTurns';
import { loadPart } from './parts/loadPart';
import { environmentOf } from './pods/podProfile';
import { PodSecrets, warnIfNoKeyring } from './pods/podSecrets';
import { PodSessions } from './pods/podSessions';
import { PodStore } from './pods/podStore';
import { ExpiryDecorations } from './tree/expiryDecorations';
import { PodsTreeProvider } from './tree/podsTreeProvider';
import { describeError } from './ui/errors';
import { GoBack, PromptHost, UserCancelled } from './ui/prompts';
import { recordedLogChannel } from './ui/logRecorder';
import { PodStatusBar } from './ui/statusBar';
import { Translator, useTranslator } from './text/l10n';

/** What `activate` returns: the services, so the extension-host tests can drive and inspect them. */
export interface SymphonyPodAdminApi {
  readonly store: PodStore;
  readonly sessions: PodSessions;
  readonly tree: PodsTreeProvider;
  readonly promptHost: PromptHost;
  readonly secrets: PodSecrets;
  readonly globalState: vscode.Memento;
  /** The detail webviews, so tests can drive them. */
  readonly panels: DetailPanels;
  /** The current pod's status-bar item, shown from start-up when a pod is configured. */
  readonly podStatusBar: PodStatusBar;
  /** The expiry radar and its status-bar warning. */
  readonly expiry: { radar: ExpiryRadar; statusBar: ExpiryStatusBar };
  /** What the language-model tools run with, so tests can check a write's confirmation (prepareInvocation) directly. */
  readonly agentTools: AgentToolServices;
  /** Resolves once start-up work (the demo pod's sign-in) has finished. */
  readonly ready: Promise<void>;
  /** What the extension wrote to its log channel (bounded), so tests can scan it for secrets. */
  logLines(): readonly string[];
  /** Where the extension may keep files, so tests can scan them for secrets. */
  readonly storageUris: readonly vscode.Uri[];
  /** Every change sent to a pod, as JSON lines in global storage (src/activity/README.md). */
  readonly activity: Activity;
  /** How long activate() took (ms), timed by activate() itself: VS Code may activate the extension at start-up, before anyone can wrap it. */
  readonly activationMs: number;
  /** When the last registration ran (ms after activate() began): the registrations run in the turns after activate() returns. */
  readonly registeredMs: number;
  /** The error a dismissed prompt raises; scripted prompts in tests raise the same. */
  cancelled(): Error;
  /** The error a wizard's Back button raises; scripted prompts in tests raise the same. */
  goBack(): Error;
}

/** Try / Stop Demo Pod run in the part `demoPod`; once tried, closing the window stops it (deactivate). */
const demo = () => loadPart<typeof import('./commands/demoPodPart')>('demoPod');
let demoTried: [CommandContext, string] | undefined;

export function activate(context: vscode.ExtensionContext): Promise<SymphonyPodAdminApi> {
  const started = performance.now();
  useTranslator(vscode.l10n.t as Translator); // the plain-Node layers' l10n.t answers as vscode.l10n.t does
  const recorded = recordedLogChannel('Symphony Pod Admin');
  const log = recorded.channel;
  const store = new PodStore(context.globalState);
  const secrets = new PodSecrets(context.secrets);
  const promptHost = new PromptHost();
  const sessions = new PodSessions(store, secrets, promptHost, log);
  const tree = new PodsTreeProvider(store, sessions);
  const activity = new Activity(vscode.Uri.joinPath(context.globalStorageUri, 'activity').fsPath, (e) => log.warn(`Activity log not written: ${describeError(e)}`));
  sessions.writeObserver = (profile, outcome) => activity.record(outcome, { id: profile.id, label: profile.label, url: profile.podUrl, environment: environmentOf(profile),
    account: sessions.user(profile.id)?.username, reason: sessions.lock.reason(profile.id) });
  const commandContext: CommandContext = { store, sessions, tree, promptHost, log };
  const radar = new ExpiryRadar(store, sessions, knownAppKeys, knownPodManaged, log);
  const expiryStatusBar = new ExpiryStatusBar(radar, sessions, (message) => log.warn(`Expiry check: ${message}`));
  const podStatusBar = new PodStatusBar(store, sessions);
  // What the first frame shows: the view, its decorations, the status bar. The rest is registered in the turns below.
  const view = tree.attachView(vscode.window.createTreeView('symphonyPodAdmin.pods', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true }));
  context.subscriptions.push(log, store, secrets, sessions, tree, view, vscode.window.registerFileDecorationProvider(new ExpiryDecorations()), podStatusBar, radar, expiryStatusBar);

  const ready = sessions
    .initialize()
    .then(() => warnIfNoKeyring(context.globalState))
    .then(() => addDemoPod(store, sessions, (line) => log.info(line)))
    .then(() => expiryStatusBar.start(store.list().filter((p) => sessions.state(p.id) === 'signedIn').map((p) => p.id)))
    .catch((error: unknown) => log.error(`Start-up: ${describeError(error)}`));

  const agentTools: AgentToolServices = { context: commandContext, radar, secrets, keysChanged: (target, detail) => keysChanged(commandContext, radar, target, detail),
    activity, subscriptions: [] };
  let panels: DetailPanels; // made in the first turn (the webview serializer a restored panel needs), used by later ones
  // Each group is a turn of its own (src/parts/inTurns.ts); VS Code waits for the last before it runs anything they register.
  const registered = inTurns([
    () => { const detail = registerDetailPanels(commandContext, context.extensionUri, radar); panels = detail.panels; return detail.disposables; },
    () => [...registerPodCommands(commandContext), ...registerTreeCommands(commandContext), ...registerCertCommands(commandContext), ...registerAppCommands(commandContext)],
    () => [...registerConnectionCommands(commandContext), ...registerGroupCommands(commandContext), ...registerSearchCommands(commandContext)],
    () => [...registerManifestEditors(commandContext), ...registerPodAsCodeCommands(commandContext)],
    () => [...registerKeyCommands(commandContext, radar, panels), ...registerAccountCommands(commandContext, radar), ...registerActivity(commandContext, activity, panels)],
    () => [
      registerAgentTools(agentTools, context.extension),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('symphonyPodAdmin') && tree.refresh()),
      registerCommand(commandContext, 'symphonyPodAdmin.demo.try', () => demo().tryDemoPod(...(demoTried = [commandContext, context.globalStorageUri.fsPath]))),
      registerCommand(commandContext, 'symphonyPodAdmin.demo.stop', () => demo().stopDemoPod(commandContext, context.globalStorageUri.fsPath)),
    ],
  ], context.subscriptions);
  const activationMs = performance.now() - started;

  return registered.then(() => {
    const registeredMs = performance.now() - started;
    log.info(`Activated: activate() returned in ${activationMs.toFixed(1)} ms, everything registered at ${registeredMs.toFixed(1)} ms (sign-in and checks continue in the background)`);
    return { activationMs, registeredMs, activity, store, sessions, tree, promptHost, secrets, globalState: context.globalState, panels, podStatusBar,
      expiry: { radar, statusBar: expiryStatusBar }, agentTools, ready, logLines: recorded.lines,
      storageUris: [context.globalStorageUri, context.logUri, ...(context.storageUri ? [context.storageUri] : [])], cancelled: () => new UserCancelled(), goBack: () => new GoBack() };
  });
}

export function deactivate(): Promise<void> | undefined {
  return demoTried && demo().stopDemoPod(...demoTried, true, true);
}
