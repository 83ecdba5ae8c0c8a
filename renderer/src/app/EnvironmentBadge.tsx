import { Badge, Tooltip } from '@mantine/core';

export interface ActiveProfile {
  name: string;
  environment: string;
}

const environmentColors: Record<string, string> = { prod: 'red', production: 'red', staging: 'orange', dev: 'blue' };

/** Which platform this window acts on; production is red on every screen. */
export function EnvironmentBadge({ profile }: { profile: ActiveProfile | null }) {
  if (profile === null) {
    return (
      <Tooltip label="No platform profile yet: add one in Settings">
        <Badge variant="outline" color="gray" data-testid="environment-badge">
          No profile
        </Badge>
      </Tooltip>
    );
  }
  const color = environmentColors[profile.environment.toLowerCase()] ?? 'grape';
  return (
    <Badge variant="filled" color={color} data-testid="environment-badge">
      {profile.name} · {profile.environment}
    </Badge>
  );
}
