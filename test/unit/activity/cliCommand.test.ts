// Copy as CLI command: the pod-as-code lines a power user can paste, with the connection as the CLI's variables and
// never a secret; on production the apply carries --unlock with the reason, quoted for the shell.
import * as assert from 'node:assert/strict';
import { cliCommand, CliPodFacts } from '../../../src/activity/cliCommand';

const rsaPod: CliPodFacts = { label: 'Prod EU', url: 'https://prod.acme.example', environment: 'production', authMethod: 'rsa', username: 'admin-bot', privateKeyPath: '/keys/admin-bot.pem' };

describe('Copy as CLI command', () => {
  it('gives the round trip for an app on production: connection, export, the file to edit, plan, apply --unlock with the reason quoted', () => {
    const text = cliCommand(rsaPod, { kind: 'application', id: 'payments-bot', name: 'Payments' }, 'CHG-1 it\'s the key');
    assert.equal(text, [
      '# application Payments on Prod EU (production) with the symphony-pod CLI (README, "Pod as code").',
      'export SYMPHONY_POD_URL=\'https://prod.acme.example\'',
      'export SYMPHONY_POD_LABEL=\'Prod EU\'',
      'export SYMPHONY_POD_ENVIRONMENT=\'production\'',
      'export SYMPHONY_USERNAME=\'admin-bot\'',
      'export SYMPHONY_PRIVATE_KEY_FILE=\'/keys/admin-bot.pem\'',
      '# If the key has a passphrase: export SYMPHONY_PRIVATE_KEY_PASSPHRASE from your secret store (never on the command line).',
      'symphony-pod export prod-eu.symphony-pod',
      '# edit prod-eu.symphony-pod/apps/payments-bot.json (its manifest), then:',
      'symphony-pod plan prod-eu.symphony-pod',
      'symphony-pod apply prod-eu.symphony-pod --unlock \'CHG-1 it\'\\\'\'s the key\'',
      '',
    ].join('\n'));
  });

  it('says a pod signed in with a pasted token needs a service account, with placeholders only', () => {
    const text = cliCommand({ label: 'Dev', url: 'https://dev.acme.example', environment: 'development', authMethod: 'sessionToken' }, undefined);
    assert.match(text, /not a pasted session token:\nexport SYMPHONY_USERNAME=… SYMPHONY_PRIVATE_KEY_FILE=…\n/);
    assert.match(text, /symphony-pod apply dev\.symphony-pod\n$/);
    assert.ok(!/--unlock/.test(text));
  });

  it('refuses a change the CLI cannot make, saying what it manages', () => {
    assert.throws(() => cliCommand(rsaPod, { kind: 'connection', id: '123' }), /no equivalent for a connection change: it manages apps, certificates, groups and service accounts/);
    assert.match(cliCommand(rsaPod, { kind: 'account', id: '123', name: 'Jira Alerts Bot' }), /# edit .*\/serviceAccounts\/<userName>\.json of the service account Jira Alerts Bot/);
  });
});
