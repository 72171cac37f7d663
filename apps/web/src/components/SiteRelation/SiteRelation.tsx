// How the chosen target relates to the requesting page: same-origin, cross-origin but same-site, or
// cross-site (computed by cors-core), and in LAN mode that every origin is same-site.
import { deploymentOrigins, isSingleHostDeployment, resolveOriginPlaceholders, siteRelation, SITE_RELATION_WORDS } from '@cors-playground/cors-core';
import { useAppStore } from '../../store/store';

export function SiteRelation() {
  const page = useAppStore((state) => state.scenario.page);
  const url = useAppStore((state) => state.scenario.request.url);
  const origins = useAppStore((state) => state.origins);
  const pageOrigin = page === 'null' ? 'null' : resolveOriginPlaceholders(page, origins);
  const relation = siteRelation(pageOrigin, resolveOriginPlaceholders(url, origins));
  const words = SITE_RELATION_WORDS[relation];
  const lan = isSingleHostDeployment(deploymentOrigins(origins));
  return (
    <div className="site-relation" data-testid="site-relation" data-relation={relation}>
      <p>
        Target: <strong>{words.label}</strong>{page === 'null' ? ' (an opaque "null" page is cross-site to everything)' : ''}: {words.meaning}.
      </p>
      {lan && (
        <p className="hint" data-testid="lan-same-site">
          LAN mode: every origin here is on one address ({origins.page.replace(/:\d+$/, '')}), so they are all <strong>same-site</strong>: Lax and
          Strict cookies go with credentialed requests that would be cross-site between web.localhost and api.localhost. Try cookie scenarios
          on the *.localhost deployment to see cross-site behaviour.
        </p>
      )}
    </div>
  );
}
