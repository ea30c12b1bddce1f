import { Anchor, Stack, Text } from '@mantine/core';
import type { AttachedFile, ProcedureComponent, ResultTemplate } from '../../../../../src/contract/catalog';
import { versionFileUrl } from '../../../api/procedures';
import { PlainText, Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';

const m = vi.procedureDetail;

/** "1.MuCT01banhnhkmtheoThngts53 (3).doc": the national data sometimes names a form only by its raw file name. */
const looksLikeFileName = (name: string) => /\.(docx?|pdf|xlsx?|odt|rtf|zip)\s*$/i.test(name) || !/\s/.test(name.trim());

/** The name the public reads for a component's form: its proper name, never a raw file name. */
export function formNameOf(component: Pick<ProcedureComponent, 'name' | 'formTemplate' | 'formFile'>): string | null {
  if (component.formFile) return component.formFile.name;
  if (!component.formTemplate) return null;
  return looksLikeFileName(component.formTemplate) ? m.components.formOf(component.name) : component.formTemplate;
}

export type VersionRef = { code: string; versionNo: number };

function FileLink({ version, file }: { version: VersionRef; file: AttachedFile }) {
  return (
    <Anchor href={versionFileUrl(version.code, version.versionNo, file.fileId)} download>
      {m.components.download(file.name)}
    </Anchor>
  );
}

/** A form: a download when the file is attached, else its name and where to obtain it. */
export function FormCell({ component, version }: { component: ProcedureComponent; version: VersionRef }) {
  const name = formNameOf(component);
  if (!name) return null;
  if (component.formFile) return <FileLink version={version} file={component.formFile} />;
  return (
    <Stack gap={2}>
      <Text size="sm">{name}</Text>
      <Text size="sm" c="gray.7">
        {m.components.atDesk}
      </Text>
    </Stack>
  );
}

/** The result, and the templates of the result document when the version has them. */
export function ResultSection({ result, templates, version }: { result: string | null; templates: ResultTemplate[]; version: VersionRef }) {
  return (
    <Section id="section-result" title={m.sections.result}>
      {result ? <PlainText>{result}</PlainText> : <Text>{vi.common.none}</Text>}
      {templates.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text fw={700}>{m.sections.resultTemplates}</Text>
          {templates.map((template, index) =>
            template.file ? (
              <FileLink key={`${template.name}-${index}`} version={version} file={template.file} />
            ) : (
              <Text key={`${template.name}-${index}`} size="sm">
                {template.name} — {m.components.atDesk}
              </Text>
            ),
          )}
        </Stack>
      )}
    </Section>
  );
}
