/** Shows the "From example" dialog when some view opened it (see state/from-example.ts). */
import { useFromExample } from '../../state/from-example';
import { FromExampleDialog } from './FromExampleDialog';

export function FromExampleHost() {
  const environmentId = useFromExample((s) => s.environmentId);
  const close = useFromExample((s) => s.close);
  return environmentId ? <FromExampleDialog key={environmentId} environmentId={environmentId} onClose={close} /> : null;
}
