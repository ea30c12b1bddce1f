import { Anchor, Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { levels as LEVELS } from '../../../../src/contract/enums';
import { useFields } from '../../api/procedures';
import { usePageTitle } from '../../components/page-title';
import { vi } from '../../i18n/vi';
import { ProcedureSearchBox } from './procedure-search-box';

const TOP_FIELD_COUNT = 8;

function TopFields() {
  const { data: fields } = useFields();
  if (!fields?.length) return null;
  const topFields = [...fields].sort((a, b) => b.count - a.count).slice(0, TOP_FIELD_COUNT);
  return (
    <section aria-labelledby="home-fields">
      <Title order={2} size="h3" id="home-fields" mb="sm">
        {vi.home.byField}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {topFields.map((field) => (
          <Card key={field.name} withBorder padding="sm" component={Link} to={`/thu-tuc?field=${encodeURIComponent(field.name)}`}>
            <Text fw={600} c="nationalRed.8">
              {field.name}
            </Text>
            <Text size="sm" c="gray.7">
              {vi.home.fieldCount(field.count)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

export function HomePage() {
  usePageTitle(vi.home.title);
  return (
    <Stack gap="xl">
      <Box
        component="section"
        aria-labelledby="home-hero"
        p={{ base: 'lg', sm: 40 }}
        style={{
          borderRadius: 'var(--mantine-radius-md)',
          background: 'linear-gradient(135deg, var(--mantine-color-nationalRed-8), var(--mantine-color-nationalRed-6))',
        }}
      >
        <Title order={1} id="home-hero" c="white" mb="xs">
          {vi.home.heroTitle}
        </Title>
        <Text c="white" mb="lg" maw={720}>
          {vi.home.heroText}
        </Text>
        <ProcedureSearchBox />
      </Box>

      <section aria-labelledby="home-levels">
        <Title order={2} size="h3" id="home-levels" mb="sm">
          {vi.home.byLevel}
        </Title>
        <Group gap="sm">
          {LEVELS.map((level) => (
            <Button key={level} component={Link} to={`/thu-tuc?level=${level}`} variant="light">
              {vi.labels.levels[level]}
            </Button>
          ))}
          <Anchor component={Link} to="/thu-tuc" fw={600}>
            {vi.home.allProcedures}
          </Anchor>
        </Group>
      </section>

      <TopFields />

      <section aria-labelledby="home-about">
        <Title order={2} size="h3" id="home-about" mb="sm">
          {vi.home.aboutTitle}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {vi.home.about.map((item) => (
            <Card key={item.title} withBorder padding="lg" style={{ borderTop: '4px solid var(--mantine-color-nationalRed-7)' }}>
              <Title order={3} size="h4" mb={4}>
                {item.title}
              </Title>
              <Text size="sm">{item.text}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
