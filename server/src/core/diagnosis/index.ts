/**
 * Entry of the cross-file diagnosis. Files are added one at a time and only their findings are kept,
 * so memory stays bounded by the largest file however large the folder.
 *
 *   const builder = createDiagnosisBuilder(options);
 *   for (const file of files) builder.addFile(path, text);   // logs, .lo_, event XML, .reg exports
 *   const diagnosis = builder.finish();
 */
export { createDiagnosisBuilder, DEFAULT_WINDOW_SECONDS, type DiagnosisBuilder } from './builder';
export type {
  Correlation,
  Diagnosis,
  DiagnosisFinding,
  DiagnosisOptions,
  EvidenceRef,
  FileSummary,
  Machine,
  MachineOffsetSource,
  Recommendation,
  RecommendationId,
  RegistrySetting,
  RegistryVerdict,
  TimeSource,
  Verdict,
} from './model';
