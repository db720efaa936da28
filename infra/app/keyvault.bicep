// Key Vault in RBAC mode for the app's two secrets, SendGrid--ApiKey and Links--SigningKey.
// The template creates no secret (values never pass through a deployment); an operator sets them
// with `az keyvault secret set` after `azd up` (docs/deploy.md). The app reads them through Key
// Vault references resolved with its user-assigned identity (Key Vault Secrets User).
param location string
param tags object
param name string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

output name string = vault.name
