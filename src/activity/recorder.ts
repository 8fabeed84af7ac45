// Turns the client's write outcomes into activity-log entries: the pod, account and environment, what the change
// context knows, and the reason of the production unlock. The caller (the extension, the CLI) supplies the pod
// facts; the recorder never waits for the disk on the write's path and never throws into it. Plain Node.
import type { WriteOutcome } from '../api';
import { activityEntry, ActivityEntry, EntryPod } from './activityEntry';
import { ActivityLog } from './activityLog';
import { currentChange } from './changeContext';

export class ActivityRecorder {
  private readonly appended = new Set<(entry: ActivityEntry) => void>();

  constructor(readonly log: ActivityLog) {}

  /** Records one write; the append runs in the background (its failure goes to the log's onError). */
  record(outcome: WriteOutcome, pod: EntryPod): ActivityEntry {
    const entry = activityEntry(outcome, pod, currentChange());
    void this.log.append(entry).then(() => this.appended.forEach((listener) => listener(entry)));
    return entry;
  }

  /** Listens for entries once they are on disk (the Activity view refreshes). */
  onDidAppend(listener: (entry: ActivityEntry) => void): { dispose(): void } {
    this.appended.add(listener);
    return { dispose: () => this.appended.delete(listener) };
  }
}
