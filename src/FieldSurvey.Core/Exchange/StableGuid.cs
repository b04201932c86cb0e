using System.Security.Cryptography;
using System.Text;

namespace FieldSurvey.Core.Exchange;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace UUID and a name), so that the same record
/// gets the same GUID in every export of the same study and re-exports can be compared or merged by
/// other QDA programs.
/// </summary>
public static class StableGuid
{
    /// <summary>FieldSurvey's namespace for REFI-QDA GUIDs (a fixed random UUID; never change it).</summary>
    public static readonly Guid Namespace = new("6f1c2b9e-4a53-4d0e-9a87-3c5e1f0b7d21");

    public static Guid Create(string name) => Create(Namespace, name);

    public static Guid Create(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. nsBytes, .. nameBytes]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);   // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
