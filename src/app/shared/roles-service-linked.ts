// Service-linked roles: the role each AWS service creates (its fixed name, whether a custom
// suffix is allowed, the AWS managed policy AWS attaches to it), the trust policy, and the
// deletion task ids (docs/iam-behaviour.md §17).

import { iamErrors } from '../../core/aws-error.js'
import type { Random } from '../../core/random.js'
import { SERVICE_ROLE_PATH } from './roles-rules.js'

export interface ServiceLinkedRoleSpec {
  readonly service: string
  readonly roleName: string
  /** The AWS managed policy (under /aws-service-role/) attached to the role, when AWS has one. */
  readonly policyArn: string | undefined
  readonly suffixAllowed: boolean
  /** False for a principal that is not an AWS service principal: CreateServiceLinkedRole refuses it. */
  readonly supported: boolean
}

/** Service principal, role name, its AWS managed policy's name, whether a custom suffix is allowed. */
type Entry = readonly [service: string, roleName: string, policy: string | undefined, suffix?: 'suffix']

const ENTRIES: readonly Entry[] = [
  ['accountdiscovery.ssm.amazonaws.com', 'AWSServiceRoleForAmazonSSM_AccountDiscovery', 'AWSSystemsManagerAccountDiscoveryServicePolicy'],
  ['acm.amazonaws.com', 'AWSServiceRoleForCertificateManager', 'CertificateManagerServiceRolePolicy'],
  ['appmesh.amazonaws.com', 'AWSServiceRoleForAppMesh', 'AWSAppMeshServiceRolePolicy'],
  ['autoscaling-plans.amazonaws.com', 'AWSServiceRoleForAutoScalingPlans_EC2AutoScaling', 'AWSAutoScalingPlansEC2AutoScalingPolicy'],
  ['autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling', 'AutoScalingServiceRolePolicy', 'suffix'],
  ['backup.amazonaws.com', 'AWSServiceRoleForBackup', 'AWSBackupServiceLinkedRolePolicyForBackup'],
  ['batch.amazonaws.com', 'AWSServiceRoleForBatch', 'BatchServiceRolePolicy'],
  ['cassandra.application-autoscaling.amazonaws.com', 'AWSServiceRoleForApplicationAutoScaling_CassandraTable', 'AWSApplicationAutoscalingCassandraTablePolicy'],
  ['cks.kms.amazonaws.com', 'AWSServiceRoleForKeyManagementServiceCustomKeyStores', 'AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy'],
  ['cloudtrail.amazonaws.com', 'AWSServiceRoleForCloudTrail', 'CloudTrailServiceRolePolicy'],
  ['codestar-notifications.amazonaws.com', 'AWSServiceRoleForCodeStarNotifications', 'AWSCodeStarNotificationsServiceRolePolicy'],
  ['config.amazonaws.com', 'AWSServiceRoleForConfig', 'AWSConfigServiceRolePolicy'],
  ['connect.amazonaws.com', 'AWSServiceRoleForAmazonConnect', 'AmazonConnectServiceLinkedRolePolicy', 'suffix'],
  ['dms-fleet-advisor.amazonaws.com', 'AWSServiceRoleForDMSFleetAdvisor', 'AWSDMSFleetAdvisorServiceRolePolicy'],
  ['dms.amazonaws.com', 'AWSServiceRoleForDMSServerless', 'AWSDMSServerlessServiceRolePolicy'],
  ['docdb-elastic.amazonaws.com', 'AWSServiceRoleForDocDB-Elastic', 'AmazonDocDB-ElasticServiceRolePolicy'],
  ['ec2-instance-connect.amazonaws.com', 'AWSServiceRoleForEc2InstanceConnect', 'Ec2InstanceConnectEndpoint'],
  ['ec2.application-autoscaling.amazonaws.com', 'AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest', 'AWSApplicationAutoscalingEC2SpotFleetRequestPolicy'],
  ['ecr.amazonaws.com', 'AWSServiceRoleForECRTemplate', 'ECRTemplateServiceRolePolicy'],
  ['ecs.amazonaws.com', 'AWSServiceRoleForECS', 'AmazonECSServiceRolePolicy'],
  ['eks-connector.amazonaws.com', 'AWSServiceRoleForAmazonEKSConnector', 'AmazonEKSConnectorServiceRolePolicy'],
  ['eks-fargate.amazonaws.com', 'AWSServiceRoleForAmazonEKSForFargate', 'AmazonEKSForFargateServiceRolePolicy'],
  ['eks-nodegroup.amazonaws.com', 'AWSServiceRoleForAmazonEKSNodegroup', 'AWSServiceRoleForAmazonEKSNodegroup'],
  ['eks.amazonaws.com', 'AWSServiceRoleForAmazonEKS', 'AmazonEKSServiceRolePolicy'],
  ['elasticache.amazonaws.com', 'AWSServiceRoleForElastiCache', 'ElastiCacheServiceRolePolicy'],
  ['elasticbeanstalk.amazonaws.com', 'AWSServiceRoleForElasticBeanstalk', 'AWSElasticBeanstalkServiceRolePolicy'],
  ['elasticfilesystem.amazonaws.com', 'AWSServiceRoleForAmazonElasticFileSystem', 'AmazonElasticFileSystemServiceRolePolicy'],
  ['elasticloadbalancing.amazonaws.com', 'AWSServiceRoleForElasticLoadBalancing', 'AWSElasticLoadBalancingServiceRolePolicy'],
  ['email.cognito-idp.amazonaws.com', 'AWSServiceRoleForAmazonCognitoIdpEmailService', 'AmazonCognitoIdpEmailServiceRolePolicy'],
  ['emr-containers.amazonaws.com', 'AWSServiceRoleForAmazonEMRContainers', 'AmazonEMRContainersServiceRolePolicy'],
  ['emrwal.amazonaws.com', 'AWSServiceRoleForEMRWAL', 'EMRDescribeClusterPolicyForEMRWAL'],
  ['es.amazonaws.com', 'AWSServiceRoleForAmazonElasticsearchService', 'AmazonElasticsearchServiceRolePolicy'],
  ['fis.amazonaws.com', 'AWSServiceRoleForFIS', 'AmazonFISServiceRolePolicy'],
  ['grafana.amazonaws.com', 'AWSServiceRoleForAmazonGrafana', 'AmazonGrafanaServiceLinkedRolePolicy'],
  ['imagebuilder.amazonaws.com', 'AWSServiceRoleForImageBuilder', 'AWSServiceRoleForImageBuilder'],
  ['iotmanagedintegrations.amazonaws.com', 'AWSServiceRoleForIoTManagedIntegrations', 'AWSIoTManagedIntegrationsRolePolicy'],
  ['kafka.amazonaws.com', 'AWSServiceRoleForKafka', 'KafkaServiceRolePolicy'],
  ['kafkaconnect.amazonaws.com', 'AWSServiceRoleForKafkaConnect', 'KafkaConnectServiceRolePolicy'],
  ['lakeformation.amazonaws.com', 'AWSServiceRoleForLakeFormationDataAccess', 'LakeFormationDataAccessServiceRolePolicy'],
  ['lex.amazonaws.com', 'AWSServiceRoleForLexBots', 'LexBotPolicy'],
  ['lexv2.amazonaws.com', 'AWSServiceRoleForLexV2Bots', 'AmazonLexV2BotPolicy', 'suffix'],
  ['lightsail.amazonaws.com', 'AWSServiceRoleForLightsail', 'LightsailExportAccess'],
  ['m2.amazonaws.com', 'AWSServiceRoleForAWSM2', 'AWSM2ServicePolicy'],
  ['memorydb.amazonaws.com', 'AWSServiceRoleForMemoryDB', 'MemoryDBServiceRolePolicy'],
  ['mq.amazonaws.com', 'AWSServiceRoleForAmazonMQ', 'AmazonMQServiceRolePolicy'],
  ['mrk.kms.amazonaws.com', 'AWSServiceRoleForKeyManagementServiceMultiRegionKeys', 'AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy'],
  ['notifications.amazonaws.com', 'AWSServiceRoleForAwsUserNotifications', 'AWSUserNotificationsServiceLinkedRolePolicy'],
  ['observability.aoss.amazonaws.com', 'AWSServiceRoleForAmazonOpenSearchServerless', 'AmazonOpenSearchServerlessServiceRolePolicy'],
  ['opensearchservice.amazonaws.com', 'AWSServiceRoleForAmazonOpenSearchService', 'AmazonOpenSearchServiceRolePolicy'],
  ['ops.apigateway.amazonaws.com', 'AWSServiceRoleForAPIGateway', 'APIGatewayServiceRolePolicy'],
  ['ops.emr-serverless.amazonaws.com', 'AWSServiceRoleForAmazonEMRServerless', 'AmazonEMRServerlessServiceRolePolicy'],
  ['opsdatasync.ssm.amazonaws.com', 'AWSServiceRoleForSystemsManagerOpsDataSync', 'AWSSystemsManagerOpsDataSyncServiceRolePolicy'],
  ['opsinsights.ssm.amazonaws.com', 'AWSServiceRoleForAmazonSSM_OpsInsights', 'AWSSSMOpsInsightsServiceRolePolicy'],
  ['pullthroughcache.ecr.amazonaws.com', 'AWSServiceRoleForECRPullThroughCache', 'AWSECRPullThroughCache_ServiceRolePolicy'],
  ['ram.amazonaws.com', 'AWSServiceRoleForResourceAccessManager', 'AWSResourceAccessManagerServiceRolePolicy'],
  ['rds.amazonaws.com', 'AWSServiceRoleForRDS', 'AmazonRDSServiceRolePolicy'],
  ['redshift.amazonaws.com', 'AWSServiceRoleForRedshift', 'AmazonRedshiftServiceLinkedRolePolicy'],
  ['replication.cassandra.amazonaws.com', 'AWSServiceRoleForKeyspacesReplication', 'KeyspacesReplicationServiceRolePolicy'],
  ['replication.ecr.amazonaws.com', 'AWSServiceRoleForECRReplication', 'ECRReplicationServiceRolePolicy'],
  ['repository.sync.codeconnections.amazonaws.com', 'AWSServiceRoleForGitSync', 'AWSGitSyncServiceRolePolicy'],
  ['resource-explorer-2.amazonaws.com', 'AWSServiceRoleForResourceExplorer', 'AWSResourceExplorerServiceRolePolicy'],
  ['rolesanywhere.amazonaws.com', 'AWSServiceRoleForRolesAnywhere', 'AWSRolesAnywhereServicePolicy'],
  ['s3-outposts.amazonaws.com', 'AWSServiceRoleForS3OnOutposts', 'AWSS3OnOutpostsServiceRolePolicy'],
  ['ses.amazonaws.com', 'AWSServiceRoleForAmazonSES', 'AmazonSESServiceRolePolicy'],
  ['shield.amazonaws.com', 'AWSServiceRoleForAWSShield', 'AWSShieldServiceRolePolicy'],
  ['spot.amazonaws.com', 'AWSServiceRoleForEC2Spot', 'AWSEC2SpotServiceRolePolicy'],
  ['ssm-incidents.amazonaws.com', 'AWSServiceRoleForIncidentManager', 'AWSIncidentManagerServiceRolePolicy'],
  ['ssm-quicksetup.amazonaws.com', 'AWSServiceRoleForSSMQuickSetup', 'SSMQuickSetupRolePolicy'],
  ['ssm.amazonaws.com', 'AWSServiceRoleForAmazonSSM', 'AmazonSSMServiceRolePolicy'],
  ['sso.amazonaws.com', 'AWSServiceRoleForSSO', 'AWSSSOServiceRolePolicy'],
  ['vpcorigin.cloudfront.amazonaws.com', 'AWSServiceRoleForCloudFrontVPCOrigin', 'AWSCloudFrontVPCOriginServiceRolePolicy'],
  ['waf.amazonaws.com', 'AWSServiceRoleForWAFLogging', 'WAFLoggingServiceRolePolicy'],
  ['wafv2.amazonaws.com', 'AWSServiceRoleForWAFV2Logging', 'WAFV2LoggingServiceRolePolicy']
]

const SPECS: ReadonlyMap<string, ServiceLinkedRoleSpec> = new Map(
  ENTRIES.map(([service, roleName, policy, suffix]) => [
    service,
    { service, roleName, policyArn: policy === undefined ? undefined : `arn:aws:iam::aws:policy/aws-service-role/${policy}`, suffixAllowed: suffix === 'suffix', supported: true }
  ])
)

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/

/**
 * The service-linked role of a service principal. Services outside the table get
 * `AWSServiceRoleFor<First label, capitalised>` with no policy and no suffix; a principal that is
 * not `<service>.amazonaws.com` is not supported.
 */
export function serviceLinkedRoleSpec(service: string): ServiceLinkedRoleSpec {
  const known = SPECS.get(service)
  if (known) return known
  const label = service.split('.')[0] ?? service
  const roleName = `AWSServiceRoleFor${label.charAt(0).toUpperCase()}${label.slice(1)}`
  return { service, roleName, policyArn: undefined, suffixAllowed: false, supported: SERVICE_PRINCIPAL.test(service) }
}

export function serviceLinkedRolePath(service: string): string {
  return `${SERVICE_ROLE_PATH}${service}/`
}

/** The trust policy AWS gives a service-linked role: only its service may assume it. */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] })
}

export const unsupportedService = (service: string) => iamErrors.invalidInput(`Service ${service} is not a valid service principal or does not support service-linked roles.`)
export const suffixNotAllowed = (service: string) => iamErrors.invalidInput(`Custom suffix is not allowed for ${service}`)
export const serviceRoleNameTaken = (name: string) => iamErrors.invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`)

// ---------------------------------------------------------------------------------------------
// Deletion tasks: task/aws-service-role/<service principal>/<role name>/<uuid>

const TASK_ID = /^task\/aws-service-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

export function deletionTaskId(rolePath: string, roleName: string, random: Random): string {
  return `task${rolePath}${roleName}/${uuid(random)}`
}

/** The service and role a deletion task id names, or undefined when it is not a task id. */
export function parseDeletionTaskId(id: string): { readonly service: string; readonly roleName: string } | undefined {
  const m = TASK_ID.exec(id)
  return m ? { service: m[1] as string, roleName: m[2] as string } : undefined
}

export const invalidDeletionTaskId = (id: string) => iamErrors.invalidInput(`DeletionTaskId ${id} is not valid.`)
export const noSuchDeletionTask = (id: string) => iamErrors.noSuchEntity(`The deletion task with id ${id} cannot be found.`)

/** A version 4 UUID from the context's randomness. */
function uuid(random: Random): string {
  const b = random.bytes(16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
