// Experimenten: Azure deployment (azd layout). See docs/deploy.md.
//
// Scope: subscription. `azd up` then creates the resource group itself (rg-<environment>), so one
// environment is one resource group that `azd down` removes whole, and nobody has to create a
// group by hand first. Every resource below lives in that group; the modules under app/ are
// resource-group scoped.
//
// Security shape: the app has one user-assigned identity and reaches storage, Key Vault and
// Application Insights with it (exactly five role assignments, all in app/identity.bicep). No
// account key, SAS, connection string or secret value appears in this template, its parameters or
// its outputs; the two secrets live in Key Vault and are set by hand after deployment.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group name and the resource token.')
param environmentName string

@minLength(1)
@description('Primary location for all resources (a region that offers Flex Consumption, e.g. westeurope).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(1)
@description('Client (application) id of the Entra ID app registration used by App Service authentication for coordinators.')
param authClientId string

@description('Entra ID tenant that issues the coordinators\' tokens. Defaults to the tenant of the deployment.')
param authTenantId string = tenant().tenantId

@minLength(3)
@description('Sender address of all emails (must be a verified sender in SendGrid).')
param emailFrom string

@minLength(3)
@description('Address that receives the coordinator notifications.')
param emailCoordinatorAddress string

@allowed([
  'eu'
  'global'
])
@description('SendGrid data residency: eu sends through the EU subuser region, global through the default one.')
param sendGridDataResidency string = 'eu'

@minLength(1)
@description('IANA time zone of the fund; deadlines are shown and computed in it.')
param timeZone string = 'Europe/Amsterdam'

@allowed([
  512
  2048
  4096
])
@description('Memory of one Flex Consumption instance in MB (billing is per GB-second).')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 100

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are computed here, not read from module outputs, so that What-If can predict every
// resource; module order is then stated with dependsOn.
var functionAppName = 'func-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var identityName = 'id-api-${resourceToken}'
var logAnalyticsName = 'log-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: keyVaultName
  }
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: identityName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
  }
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-${resourceToken}'
    identityName: identityName
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    authClientId: authClientId
    authTenantId: authTenantId
    emailFrom: emailFrom
    emailCoordinatorAddress: emailCoordinatorAddress
    sendGridDataResidency: sendGridDataResidency
    timeZone: timeZone
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // After identity: the five role assignments exist before the app first starts.
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
  ]
}

// Outputs: names and the URL only; azd stores them in .azure/<env>/.env.
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccountName
