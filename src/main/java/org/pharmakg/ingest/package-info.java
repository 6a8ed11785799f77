/**
 * The ingest stage: finds press release files, reads them into {@link org.pharmakg.ingest.PressRelease}
 * records with cleaned, offset-preserving text, release date, headline, issuer hint and sections.
 *
 * <pre>{@code
 * List<IngestException> problems = new ArrayList<>();
 * PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());
 * for (Path f : DocumentFinder.find(List.of(Path.of("data")), problems::add)) {
 *     PressRelease pr = reader.read(f);
 * }
 * }</pre>
 *
 * Only {@link org.pharmakg.ingest.PressReleaseReader}, {@link org.pharmakg.ingest.DocumentFinder},
 * the records and {@link org.pharmakg.ingest.IngestException} are public; decoding, cleaning,
 * date finding and section classification are package-private helpers.
 */
package org.pharmakg.ingest;
