// The Functions app: Flex Consumption (FC1), .NET isolated 10, running as the user-assigned
// identity from identity.bicep. Every connection is identity-based; the only two secrets are Key
// Vault references. App Service authentication (Entra ID) guards the coordinator routes; the
// public routes (application form, reviewer and applicant pages, health) stay anonymous.
param location string
param tags object
param name string
param planName string
param identityName string
param storageAccountName string
param deploymentContainerName string
param keyVaultName string
param applicationInsightsName string
param authClientId string
param authTenantId string
param emailFrom string
param emailCoordinatorAddress string
param sendGridDataResidency string
param timeZone string
param instanceMemoryMB int
param maximumInstanceCount int

@description('Name of the Durable Functions task hub; host.json reads it as %TaskHubName%.')
param taskHubName string = 'experimenten'

// Routes that applicants, reviewers and health probes reach without an account, derived from the
// [Anonymous] routes of the code (the infra tests compare the two). Everything else, in particular
// /api/coordinator/* and /coordinator/*, requires an Entra ID sign-in.
var publicPaths = loadJsonContent('public-paths.json', '$.excludedPaths')

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd finds the service `api` of azure.yaml by this tag.
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references are resolved with the user-assigned identity (Key Vault Secrets User).
    keyVaultReferenceIdentity: uami.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: uami.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No publishing with user names and passwords: azd deploys with an Entra token.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

var clientId = uami.properties.clientId

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Functions host and Durable Functions task hub: identity-based AzureWebJobsStorage.
    AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: clientId
    TaskHubName: taskHubName

    // Telemetry: the connection string only names the ingestion endpoint (local auth is off, so it
    // grants nothing); ingestion is authorised with the identity's Entra token.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${clientId}'

    // The application's own settings (DefaultAzureCredential with ManagedIdentityClientId).
    AZURE_CLIENT_ID: clientId
    Storage__BlobServiceUri: storageAccount.properties.primaryEndpoints.blob
    Storage__TableServiceUri: storageAccount.properties.primaryEndpoints.table
    Storage__QueueServiceUri: storageAccount.properties.primaryEndpoints.queue
    Storage__ClientId: clientId
    Links__BaseUrl: 'https://${site.properties.defaultHostName}'
    // Secrets: Key Vault references only (secret name = setting name with `__` as `--`).
    Links__SigningKey: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=Links--SigningKey)'
    SendGrid__ApiKey: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=SendGrid--ApiKey)'
    SendGrid__DataResidency: sendGridDataResidency
    Email__From: emailFrom
    Email__FromName: 'Experimenten'
    Email__CoordinatorAddress: emailCoordinatorAddress
    Fund__TimeZone: timeZone
    // Coordinators sign in with Entra ID (App Service authentication) and need the 'coordinator' app role.
    Coordinator__Mode: 'AppService'
    // Process time zone on Linux (WEBSITE_TIME_ZONE is Windows-only). The app itself computes
    // deadlines with Fund__TimeZone and does not depend on this.
    TZ: timeZone
  }
}

// App Service authentication (Easy Auth) with Entra ID. requireAuthentication makes every path
// protected unless listed in excludedPaths; no client secret is configured, so sign-in uses the
// ID token (implicit) flow and the template references no secret at all.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: publicPaths
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      // No token store: Flex Consumption has no file share for it and a blob store would need a
      // SAS URL. The session cookie still carries the user's claims (including `roles`).
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
      cookieExpiration: {
        convention: 'FixedTime'
        timeToExpiration: '08:00:00'
      }
      nonce: {
        validateNonce: true
      }
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
