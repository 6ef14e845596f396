using System.Security.Cryptography;
using SecretSync.Emulator.GitHub;
using Sodium;

namespace SecretSync.Emulator.Tests;

public sealed class SealedBoxOpenerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(4096)]
    [InlineData(65536)]
    public void TryOpen_WithLibsodiumSealedBox_ShouldReturnTheMessage(int size)
    {
        for (var round = 0; round < 3; round++)
        {
            var keyPair = PublicKeyBox.GenerateKeyPair();
            var message = RandomNumberGenerator.GetBytes(size);
            var sealedBox = SealedPublicKeyBox.Create(message, keyPair.PublicKey);

            var opened = SealedBoxOpener.TryOpen(sealedBox, keyPair.PrivateKey, keyPair.PublicKey);

            Assert.NotNull(opened);
            Assert.Equal(message, opened);
        }
    }

    [Fact]
    public void PublicKeyOf_WithLibsodiumPrivateKey_ShouldMatchLibsodium()
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();

        Assert.Equal(keyPair.PublicKey, SealedBoxOpener.PublicKeyOf(keyPair.PrivateKey));
    }

    [Fact]
    public void TryOpen_WithTamperedBox_ShouldReturnNull()
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();
        var sealedBox = SealedPublicKeyBox.Create("hunter2"u8.ToArray(), keyPair.PublicKey);
        sealedBox[^1] ^= 1;

        Assert.Null(SealedBoxOpener.TryOpen(sealedBox, keyPair.PrivateKey, keyPair.PublicKey));
    }

    [Fact]
    public void TryOpen_WithBoxForAnotherKey_ShouldReturnNull()
    {
        var keyPair = PublicKeyBox.GenerateKeyPair();
        var other = PublicKeyBox.GenerateKeyPair();
        var sealedBox = SealedPublicKeyBox.Create("hunter2"u8.ToArray(), other.PublicKey);

        Assert.Null(SealedBoxOpener.TryOpen(sealedBox, keyPair.PrivateKey, keyPair.PublicKey));
        Assert.Null(SealedBoxOpener.TryOpen(new byte[10], keyPair.PrivateKey, keyPair.PublicKey));
    }

    [Fact]
    public void Derive_WithSameSeedAndScope_ShouldGiveTheSameKeyThatLibsodiumCanSealTo()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = ScopeKey.Derive(seed, "org:acme");
        var again = ScopeKey.Derive(seed, "org:ACME");
        var sealedBox = Convert.ToBase64String(SealedPublicKeyBox.Create("v"u8.ToArray(), key.PublicKey));

        Assert.Equal(key.KeyId, again.KeyId);
        Assert.Equal("v"u8.ToArray(), again.Open(sealedBox));
    }
}
