// Pod profiles, kept in the extension's global storage: never in workspace settings, so an opened folder
// cannot point our tokens at another server. The current pod (status bar, palette commands) lives here too.
import * as vscode from 'vscode';
import { PodProfile } from './podProfile';

const profilesKey = 'symphonyPodAdmin.pods';
const currentKey = 'symphonyPodAdmin.currentPodId';

export class PodStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): PodProfile[] {
    return [...this.state.get<PodProfile[]>(profilesKey, [])].sort((a, b) => a.label.localeCompare(b.label));
  }

  get(id: string): PodProfile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  async save(profile: PodProfile): Promise<void> {
    const others = this.state.get<PodProfile[]>(profilesKey, []).filter((p) => p.id !== profile.id);
    await this.state.update(profilesKey, [...others, { ...profile }]);
    if (!this.currentId) await this.state.update(currentKey, profile.id);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.state.update(profilesKey, this.state.get<PodProfile[]>(profilesKey, []).filter((p) => p.id !== id));
    if (this.currentId === id) await this.state.update(currentKey, this.list()[0]?.id);
    this.changed.fire();
  }

  get currentId(): string | undefined {
    const id = this.state.get<string>(currentKey);
    return id && this.get(id) ? id : this.list()[0]?.id;
  }

  async setCurrent(id: string): Promise<void> {
    await this.state.update(currentKey, id);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
