/**
 * The GS1-Conformant Resolver 1.2 description file, served at
 * /.well-known/gs1resolver (its JSON schema:
 * https://ref.gs1.org/standards/resolver/1.2.0/description-file-schema).
 * It tells scanning apps that this origin resolves GTINs (AI 01, the only
 * primary key products carry here) with GS1 Web Vocabulary link types.
 */

export const GS1_VOCABULARY = 'https://gs1.org/voc/';

export interface ResolverDescription {
  name: string;
  resolverRoot: string;
  supportedPrimaryKeys: string[];
  supportedLinkType: { namespace: string; prefix: string }[];
  linkTypeDefaultCanBeLinkset: boolean;
}

export function resolverDescription(origin: string): ResolverDescription {
  return {
    name: 'Chợ HTX',
    resolverRoot: origin,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOCABULARY, prefix: 'gs1:' }],
    // The default link is always the product or trace page; the linkset is asked for with linkType=linkset.
    linkTypeDefaultCanBeLinkset: false,
  };
}
