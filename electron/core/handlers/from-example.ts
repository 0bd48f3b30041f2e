/** Thin IPC adapters for "from example" and "export as code". */
import type { fromExampleChannels } from '../../../shared/ipc/domains/from-example';
import type { CodeExportService } from '../code-export/service';
import type { FromExampleService } from '../from-example/service';
import type { HandlersOf } from './handler-types';

export function fromExampleHandlers(fromExample: FromExampleService, codeExport: CodeExportService): HandlersOf<typeof fromExampleChannels> {
  return {
    'fromExample:propose': async (request) => fromExample.propose(request),
    'fromExample:save': (request) => fromExample.save(request),
    'codeExport:generate': (request) => codeExport.generate(request),
    'codeExport:save': (request) => codeExport.save(request),
  };
}
