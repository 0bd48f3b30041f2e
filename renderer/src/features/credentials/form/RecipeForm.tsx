/**
 * The whole recipe as a form: its kind, then every part of that kind (token request, response,
 * renewal, guard and use; or the static key / Basic credentials and use).
 */
import type { ReactNode } from 'react';
import type { BasicRecipe, Recipe, StaticRecipe, TokenRequestRecipe } from '../../../../../shared/recipe';
import { DpopForm } from './DpopForm';
import { KIND_LABELS, starterRecipe, type RecipeKind } from '../recipe-defaults';
import { OptionalTextField, SelectField, TextField } from './fields';
import { AuthorizationForm } from './AuthorizationForm';
import { GuardForm, RenewalForm, UseForm } from './PolicyForms';
import { RequestForm } from './RequestForm';
import { ResponseForm } from './ResponseForm';

const KINDS = (Object.keys(KIND_LABELS) as RecipeKind[]).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="recipe-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function TokenRequestParts({ value, onChange }: { value: TokenRequestRecipe; onChange(value: Recipe): void }) {
  return (
    <>
      {value.authorization && (
        <Section title="Sign-in in the browser">
          <AuthorizationForm value={value.authorization} onChange={(authorization) => onChange({ ...value, authorization })} />
        </Section>
      )}
      <Section title="Token request">
        <RequestForm path="tokenRequest" label="Token request" value={value.tokenRequest} onChange={(tokenRequest) => onChange({ ...value, tokenRequest })} />
      </Section>
      <Section title="Token response">
        <ResponseForm path="tokenResponse" value={value.tokenResponse} onChange={(tokenResponse) => onChange({ ...value, tokenResponse })} />
      </Section>
      <Section title="Renewal">
        <RenewalForm value={value.renewal} tokenRequest={value.tokenRequest} onChange={(renewal) => onChange({ ...value, renewal })} />
      </Section>
      <Section title="Guard">
        <GuardForm value={value.guard} onChange={(guard) => onChange({ ...value, guard })} />
      </Section>
      <Section title="Proof of possession">
        <DpopForm value={value} onChange={onChange} />
      </Section>
      <Section title="Introspection and revocation">
        <OptionalTextField label="Introspection URL (RFC 7662)" path="introspectionUrl" placeholder="empty: the service offers none" value={value.introspectionUrl} onChange={(introspectionUrl) => onChange({ ...value, introspectionUrl })} />
        <OptionalTextField label="Revocation URL (RFC 7009)" path="revocationUrl" placeholder="empty: the service offers none" value={value.revocationUrl} onChange={(revocationUrl) => onChange({ ...value, revocationUrl })} />
      </Section>
    </>
  );
}

function KeyParts({ value, onChange }: { value: StaticRecipe | BasicRecipe; onChange(value: Recipe): void }) {
  return (
    <Section title={value.kind === 'static' ? 'Key' : 'Basic credentials'}>
      {value.kind === 'static' ? (
        <div className="form-row">
          <TextField label="Token" path="token" mono value={value.token} onChange={(token) => onChange({ ...value, token })} />
          <OptionalTextField label="Token type" path="tokenType" value={value.tokenType} onChange={(tokenType) => onChange({ ...value, tokenType })} />
        </div>
      ) : (
        <div className="form-row">
          <TextField label="Username" path="username" mono value={value.username} onChange={(username) => onChange({ ...value, username })} />
          <TextField label="Password" path="password" mono value={value.password} onChange={(password) => onChange({ ...value, password })} />
        </div>
      )}
      <OptionalTextField
        label="Expires on"
        path="expiresAt"
        help="Optional, for a reminder: an ISO date or {{variable}}."
        value={value.expiresAt}
        onChange={(expiresAt) => onChange({ ...value, expiresAt })}
      />
    </Section>
  );
}

export function RecipeForm({ value, onChange }: { value: Recipe; onChange(value: Recipe): void }) {
  return (
    <div className="recipe-form">
      <div className="form-row">
        <SelectField
          label="Kind"
          path="kind"
          value={value.kind}
          options={KINDS}
          onChange={(kind) => onChange({ ...starterRecipe(kind), ...(value.description ? { description: value.description } : {}) })}
        />
        <OptionalTextField label="Description" path="description" value={value.description} onChange={(description) => onChange({ ...value, description })} />
      </div>
      {value.kind === 'token-request' ? <TokenRequestParts value={value} onChange={onChange} /> : <KeyParts value={value} onChange={onChange} />}
      <Section title="Use">
        <UseForm value={value.use} onChange={(use) => onChange({ ...value, use })} />
      </Section>
    </div>
  );
}
