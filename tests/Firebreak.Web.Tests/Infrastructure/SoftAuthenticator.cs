using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Firebreak.Web.Tests.Infrastructure;

/// <summary>
/// A passkey authenticator in software for HTTP-level tests: an ECDSA P-256 key, "none"
/// attestation, user presence and verification always set. It answers the server's options JSON
/// with the JSON a browser would post (WebAuthn Level 3 RegistrationResponseJSON /
/// AuthenticationResponseJSON), and can be made to lie (another origin) to test refusals.
/// </summary>
internal sealed class SoftAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string Id => Base64Url.EncodeToString(CredentialId);

    /// <summary>The user handle (base64url) the server gave at registration.</summary>
    public string? UserHandle { get; set; }

    /// <summary>The origin put into the client data; the test server answers on http://localhost.</summary>
    public string Origin { get; set; } = "http://localhost";

    /// <summary>0 (like many synced passkeys) keeps the counter out of play; the server then relies on spent challenges against replays.</summary>
    public uint SignCount { get; set; }

    public string Create(JsonNode options)
    {
        ArgumentNullException.ThrowIfNull(options);
        UserHandle = (string)options["user"]!["id"]!;
        var rpId = (string)options["rp"]!["id"]!;
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!);
        var q = _key.ExportParameters(false).Q;
        var cose = Cbor.Map([(Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)), (Cbor.Int(-2), Cbor.Bytes(q.X!)), (Cbor.Int(-3), Cbor.Bytes(q.Y!))]);
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x45, .. Counter(), .. new byte[16],
            (byte)(CredentialId.Length >> 8), (byte)CredentialId.Length, .. CredentialId, .. cose];
        var attestation = Cbor.Map([(Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map([])), (Cbor.Text("authData"), Cbor.Bytes(authData))]);
        return new JsonObject
        {
            ["id"] = Id, ["rawId"] = Id, ["type"] = "public-key", ["authenticatorAttachment"] = "platform",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData), ["attestationObject"] = Base64Url.EncodeToString(attestation),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    public string Get(JsonNode options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rpId = (string)options["rpId"]!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!);
        if (SignCount > 0) SignCount++;
        byte[] authData = [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), 0x05, .. Counter()];
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = Id, ["rawId"] = Id, ["type"] = "public-key", ["authenticatorAttachment"] = "platform",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData), ["authenticatorData"] = Base64Url.EncodeToString(authData),
                ["signature"] = Base64Url.EncodeToString(signature), ["userHandle"] = UserHandle,
            },
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false }.ToJsonString());

    private byte[] Counter() => [(byte)(SignCount >> 24), (byte)(SignCount >> 16), (byte)(SignCount >> 8), (byte)SignCount];

    /// <summary>The few CBOR items (RFC 8949) an attestation object and a COSE key need.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

        public static byte[] Text(string value) => [.. Head(3, (ulong)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];

        public static byte[] Map((byte[] Key, byte[] Value)[] entries) => [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong value) => value switch
        {
            < 24 => [(byte)((major << 5) | (int)value)],
            <= byte.MaxValue => [(byte)((major << 5) | 24), (byte)value],
            <= ushort.MaxValue => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
    }
}
