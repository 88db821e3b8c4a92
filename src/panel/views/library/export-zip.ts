// The zip bundle of one audit (report data, JSON and every full screenshot), downloaded.
import { PeakendFailure } from '../../../domain/errors.ts';
import type { PanelBackend } from '../../backend.ts';

/** Downloads the audit's zip and answers its file name. */
export async function exportAuditZip(backend: PanelBackend, auditId: string): Promise<string> {
  const db = await backend.db();
  // The report's exporters load on first use, keeping the panel itself small and quick to open.
  const [{ loadReportData }, { zipExport }, { collectBlobs }, { download, extensionVersion }] = await Promise.all([
    import('../../../report/data.ts'),
    import('../../../report/exports.ts'),
    import('../../../report/zip.ts'),
    import('../../../report/page-kit.ts'),
  ]);
  const data = await loadReportData(db, auditId);
  if (!data) throw new PeakendFailure({ code: 'audit-missing', auditId });
  const file = zipExport(data, await collectBlobs(db, data.screenshots, 'full'), {
    generatorVersion: extensionVersion(),
  });
  download(file);
  return file.filename;
}
