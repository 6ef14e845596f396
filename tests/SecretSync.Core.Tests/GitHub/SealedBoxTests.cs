using System.Security.Cryptography;
using SecretSync.Core.Stores.GitHub.Crypto;
using Sodium;

namespace SecretSync.Core.Tests.GitHub;

public sealed class SealedBoxTests
{
    // The pattern GitHub's PUT …/secrets/{name} requires of encrypted_value.
    private const string GitHubBase64Pattern = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(65536)]
    public void Seal_WithRandomKeyAndMessage_ShouldOpenWithLibsodium(int length)
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();
        var message = RandomNumberGenerator.GetBytes(length);

        var sealedBox = SealedBox.Seal(message, keyPair.PublicKey);

        Assert.Equal(length + SealedBox.Overhead, sealedBox.Length);
        Assert.Equal(message, SealedPublicKeyBox.Open(sealedBox, keyPair.PrivateKey, keyPair.PublicKey));
    }

    [Fact]
    public void Seal_WithRandomSizesAndFreshKeys_ShouldOpenWithLibsodium()
    {
        for (var i = 0; i < 25; i++)
        {
            var keyPair = PublicKeyBox.GenerateKeyPair();
            var message = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(0, 65537));

            var opened = SealedPublicKeyBox.Open(SealedBox.Seal(message, keyPair.PublicKey), keyPair.PrivateKey, keyPair.PublicKey);

            Assert.Equal(message, opened);
        }
    }

    [Fact]
    public void Seal_WithSameMessageTwice_ShouldUseAFreshEphemeralKey()
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();
        var message = Encoding.UTF8.GetBytes("same value");

        var first = SealedBox.Seal(message, keyPair.PublicKey);
        var second = SealedBox.Seal(message, keyPair.PublicKey);

        Assert.NotEqual(first.AsSpan(0, SealedBox.PublicKeyLength).ToArray(), second.AsSpan(0, SealedBox.PublicKeyLength).ToArray());
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ghp_0123456789abcdefABCDEF0123456789abcd")]
    [InlineData("line one\nline two\r\nline three\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----")]
    [InlineData("päss wörd ✓ 密码 🔑 \"quoted\" 'single' $dollar `tick`")]
    public void SealToBase64_WithText_ShouldOpenToTheUtf8Bytes(string value)
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();

        var encryptedValue = SealedBox.SealToBase64(value, Convert.ToBase64String(keyPair.PublicKey));

        Assert.Matches(GitHubBase64Pattern, encryptedValue);
        var opened = SealedPublicKeyBox.Open(Convert.FromBase64String(encryptedValue), keyPair.PrivateKey, keyPair.PublicKey);
        Assert.Equal(value, Encoding.UTF8.GetString(opened));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(40)]
    [InlineData(47)]
    [InlineData(60)]
    public void Seal_WithOneBitFlipped_ShouldNotOpen(int position)
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();
        var sealedBox = SealedBox.Seal(Encoding.UTF8.GetBytes("a secret worth protecting"), keyPair.PublicKey);

        sealedBox[position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => SealedPublicKeyBox.Open(sealedBox, keyPair.PrivateKey, keyPair.PublicKey));
    }

    [Fact]
    public void Seal_ForAnotherRecipient_ShouldNotOpen()
    {
        var recipient = PublicKeyBox.GenerateKeyPair();
        var other = PublicKeyBox.GenerateKeyPair();
        var sealedBox = SealedBox.Seal(Encoding.UTF8.GetBytes("for the recipient only"), recipient.PublicKey);

        Assert.ThrowsAny<CryptographicException>(() => SealedPublicKeyBox.Open(sealedBox, other.PrivateKey, other.PublicKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Seal_WithWrongKeyLength_ShouldSayWhatIsWrongWithoutTheValue(int keyLength)
    {
        const string Value = "do-not-print-this-value";

        var e = Assert.Throws<InvalidPublicKeyException>(() => SealedBox.Seal(Encoding.UTF8.GetBytes(Value), new byte[keyLength]));

        Assert.Contains("32 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"has {keyLength}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Value, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SealToBase64_WithKeyThatIsNotBase64_ShouldFailWithoutTheValue()
    {
        const string Value = "do-not-print-this-value";

        var e = Assert.Throws<InvalidPublicKeyException>(() => SealedBox.SealToBase64(Value, "not base64!"));

        Assert.IsType<FormatException>(e.InnerException);
        Assert.DoesNotContain(Value, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_WithLowOrderPoint_ShouldRefuseTheKey()
    {
        // The all-zero point makes every shared secret zero; libsodium refuses it too.
        var e = Assert.Throws<InvalidPublicKeyException>(() => SealedBox.Seal([1, 2, 3], new byte[SealedBox.PublicKeyLength]));

        Assert.Contains("low-order", e.Message, StringComparison.Ordinal);
    }
}
