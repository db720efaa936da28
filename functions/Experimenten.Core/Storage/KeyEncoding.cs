using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Experimenten.Storage;

/// <summary>Table keys may not contain / \ # ?: stable keys are stored base64url-encoded.</summary>
public static class KeyEncoding
{
    public static string RowKey(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));
}
