import { Badge, Tooltip } from '@mantine/core';
import { profileAddress } from '../../../shared/console-api/index.ts';
import type { ProfileView } from '../../../shared/console-api/index.ts';
import { environmentColor } from '../profiles/environment-color.ts';

/** Which platform this window acts on; production is red on every screen. */
export function EnvironmentBadge({ profile }: { profile: ProfileView | null }) {
  if (profile === null) {
    return (
      <Tooltip label="No platform profile yet: add one in Settings">
        <Badge variant="outline" color="gray" data-testid="environment-badge">
          No profile
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={profileAddress(profile)}>
      <Badge variant="filled" color={environmentColor(profile.environment, profile.color)} data-testid="environment-badge">
        {profile.name} · {profile.environment}
      </Badge>
    </Tooltip>
  );
}
