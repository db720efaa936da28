using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Experimenten.Storage;

/// <summary>
/// The data-protection key ring in blob storage, one blob per key, so every host on the same storage (two
/// self-hosts behind a proxy, Functions instances scaled out, a host restarted on a new machine) reads cookies and
/// CSRF tokens another one made. The keys are not encrypted at rest beyond what storage does: who can read this
/// container can forge a coordinator session, so it gets the same access control as the rest of the account.
/// </summary>
/// <remarks>The interface is synchronous; ASP.NET Core calls it at start and when it refreshes its key ring (daily).</remarks>
public sealed class BlobKeyRing(StorageClients clients) : IXmlRepository
{
    BlobContainerClient Container()
    {
        var container = clients.Container(StorageNames.KeyRingContainer);
        container.CreateIfNotExists();
        return container;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var container = Container();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs())
        {
            using var stream = container.GetBlobClient(blob.Name).OpenRead();
            elements.Add(XElement.Load(stream));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;

        // The friendly name is "key-{id}": unique, so another host's key is never overwritten.
        var name = (string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName) + ".xml";
        try
        {
            Container().GetBlobClient(name).Upload(content, overwrite: false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already stored (a retried write): the key is there.
        }
    }
}
