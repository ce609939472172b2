// Stand-in for the ESM-only office-addin-manifest that office-addin-mock imports but does not need.
module.exports = { OfficeApp: {}, readManifestFile: async () => ({}) };
