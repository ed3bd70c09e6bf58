// IAM's default quotas as GetAccountSummary reports them (docs/iam-behaviour.md §2, §19.1), and
// the ones the groups and account actions enforce. Portcullis does not raise quotas per account.

export const GROUPS_PER_ACCOUNT = 300
export const GROUPS_PER_USER = 10

/** The quota entries of GetAccountSummary's SummaryMap. */
export const SUMMARY_QUOTAS = {
  AccessKeysPerUserQuota: 2,
  AssumeRolePolicySizeQuota: 2048,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  GroupPolicySizeQuota: 5120,
  GroupsPerUserQuota: GROUPS_PER_USER,
  GroupsQuota: GROUPS_PER_ACCOUNT,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicySizeQuota: 6144,
  PolicyVersionsInUseQuota: 10000,
  RolePolicySizeQuota: 10240,
  RolesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  UserPolicySizeQuota: 2048,
  UsersQuota: 5000,
  VersionsPerPolicyQuota: 5
} as const
