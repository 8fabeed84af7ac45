// What a screen reader says for a tree row. VS Code reads a row as its label and description (or its tooltip when that
// is plain text) and never its icon, colour or decoration badge, so a state shown only that way (a certificate that
// expires soon: a warning icon and a "!" badge) goes into `accessibilityInformation` through here. No `vscode` import.

/** The row's label, then each state the description does not already say, then the description. */
export function spokenLabel(label: string, description: string | undefined, states: ReadonlyArray<string | false | undefined>): string {
  const said = (description ?? '').toLowerCase();
  const extra = states.filter((state): state is string => typeof state === 'string' && state !== '' && !said.includes(state.toLowerCase()));
  return [label, ...extra, description].filter((part) => part !== undefined && part !== '').join(', ');
}
