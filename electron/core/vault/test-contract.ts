/**
 * For tests that go through `createDispatcher` before the lead merges the vault, variables and
 * portability channels into `shared/ipc/contract.ts`: the contract module with them added.
 * Use: vi.mock('…/shared/ipc/contract', async (original) => (await import('…/test-contract')).withSecretChannels(await original()))
 */
import { portabilityChannels } from '../../../shared/ipc/domains/portability';
import { variableChannels } from '../../../shared/ipc/domains/variables';
import { vaultChannels } from '../../../shared/ipc/domains/vault';

export function withSecretChannels<M extends { contract: object }>(original: M): M {
  const contract = { ...original.contract, ...vaultChannels, ...variableChannels, ...portabilityChannels };
  return { ...original, contract, channelNames: Object.keys(contract) };
}
