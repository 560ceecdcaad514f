package io.memsafe.harden.pe;

import io.memsafe.harden.binary.ByteView;
import io.memsafe.harden.binary.MalformedBinaryException;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a PE/COFF image (PE32 or PE32+) that decide its exploit mitigations.
 *
 * <p><b>Why not CDT's {@code org.eclipse.cdt.utils.coff.PE64}:</b> it parses from a file path with
 * {@code RandomAccessFile}, reads tables with sizes taken from the headers, does not decode the load
 * configuration directory (SecurityCookie, SEHandlerTable, GuardFlags) or the debug directory's
 * extended DLL characteristics (CET), and reports truncation as {@code IOException}s from arbitrary
 * places. The layout needed here is small and fixed, so this reader decodes it over a bounds-checked
 * {@link ByteView}. Directories that only refine a verdict (imports, debug, COFF symbols) are read
 * best-effort: a damaged one becomes a warning, a damaged header an error.
 */
public final class PeImage {
    public static final int MACHINE_I386 = 0x14c, MACHINE_AMD64 = 0x8664, MACHINE_ARM64 = 0xaa64, MACHINE_ARMNT = 0x1c4;
    public static final int FILE_RELOCS_STRIPPED = 0x0001, FILE_DLL = 0x2000, FILE_LARGE_ADDRESS_AWARE = 0x0020;
    public static final int DLL_HIGH_ENTROPY_VA = 0x0020, DLL_DYNAMIC_BASE = 0x0040, DLL_FORCE_INTEGRITY = 0x0080,
            DLL_NX_COMPAT = 0x0100, DLL_NO_ISOLATION = 0x0200, DLL_NO_SEH = 0x0400, DLL_GUARD_CF = 0x4000;
    public static final long SCN_MEM_SHARED = 0x10000000L, SCN_MEM_EXECUTE = 0x20000000L, SCN_MEM_WRITE = 0x80000000L;
    public static final int SUBSYSTEM_NATIVE = 1;
    public static final int DIR_IMPORT = 1, DIR_SECURITY = 4, DIR_BASERELOC = 5, DIR_DEBUG = 6, DIR_LOAD_CONFIG = 10, DIR_CLR = 14;
    public static final int DEBUG_TYPE_EX_DLLCHARACTERISTICS = 20;
    public static final int EX_DLL_CET_COMPAT = 0x1;
    public static final int GUARD_CF_INSTRUMENTED = 0x100, GUARD_CF_FUNCTION_TABLE_PRESENT = 0x400;
    /** Return Flow Guard GuardFlags (winnt.h IMAGE_GUARD_RF_*): instrumented, and enabled or strict. */
    public static final int GUARD_RF_INSTRUMENTED = 0x20000, GUARD_RF_ENABLE = 0x40000, GUARD_RF_STRICT = 0x80000;
    /** IMAGE_COR20_HEADER.Flags: COMIMAGE_FLAGS_ILONLY, COMIMAGE_FLAGS_32BITREQUIRED. */
    public static final int COR_IL_ONLY = 0x1, COR_32BIT_REQUIRED = 0x2;

    /** Caps for hostile tables; real images import a few thousand functions at most. */
    private static final int MAX_IMPORT_DLLS = 4096, MAX_IMPORTS = 1 << 16, MAX_COFF_SYMBOLS = 1 << 20;

    public record Section(String name, long virtualSize, long virtualAddress, long rawSize, long rawOffset, long characteristics) {
        public boolean writable() { return (characteristics & SCN_MEM_WRITE) != 0; }
        public boolean executable() { return (characteristics & SCN_MEM_EXECUTE) != 0; }
        public boolean shared() { return (characteristics & SCN_MEM_SHARED) != 0; }
    }

    public record DataDirectory(long address, long size) {
        public boolean present() { return address != 0 && size != 0; }
    }

    /**
     * The load configuration fields the checks read; a field the structure is too short to hold is null.
     */
    public record LoadConfig(long size, Long securityCookie, Long seHandlerTable, Long seHandlerCount,
                             Long guardCheckFunctionPointer, Long guardFunctionTable, Long guardFlags) {}

    public record Import(String library, String function) {}

    private final ByteView data;
    private final boolean plus;
    private final int machine;
    private final int characteristics;
    private final int dllCharacteristics;
    private final int subsystem;
    private final long imageBase;
    private final List<DataDirectory> directories = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    /** Sections by virtual address, so RVA lookups stay logarithmic even with 65,535 sections. */
    private final java.util.TreeMap<Long, Section> sectionsByAddress = new java.util.TreeMap<>();
    private final List<Import> imports = new ArrayList<>();
    private final Set<String> coffSymbols = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private LoadConfig loadConfig;
    private Long exDllCharacteristics;
    private boolean certificateWellFormed;
    private AuthenticodeDigest.Result authenticode;
    private Long clrFlags;
    private long optionalHeaderOffset;

    private PeImage(ByteView data, boolean plus, int machine, int characteristics, int dllCharacteristics,
                    int subsystem, long imageBase) {
        this.data = data;
        this.plus = plus;
        this.machine = machine;
        this.characteristics = characteristics;
        this.dllCharacteristics = dllCharacteristics;
        this.subsystem = subsystem;
        this.imageBase = imageBase;
    }

    public static boolean hasMagic(byte[] head) {
        return head.length >= 2 && head[0] == 'M' && head[1] == 'Z';
    }

    public static PeImage parse(ByteView file) {
        ByteView v = file.withOrder(ByteOrder.LITTLE_ENDIAN);
        v.require(0, 64, "DOS header");
        if (v.u16(0, "MZ") != 0x5a4d) throw new MalformedBinaryException("not a PE file (no MZ)");
        long peOffset = v.u32(0x3c, "e_lfanew");
        v.require(peOffset, 24, "PE signature and COFF header");
        if (v.u32(peOffset, "PE signature") != 0x00004550L) {
            throw new MalformedBinaryException("MZ file without a PE signature (DOS or NE/LE executable)");
        }
        long coff = peOffset + 4;
        int machine = v.u16(coff, "Machine");
        int sectionCount = v.u16(coff + 2, "NumberOfSections");
        long symbolTable = v.u32(coff + 8, "PointerToSymbolTable");
        long symbolCount = v.u32(coff + 12, "NumberOfSymbols");
        int optionalSize = v.u16(coff + 16, "SizeOfOptionalHeader");
        int characteristics = v.u16(coff + 18, "Characteristics");
        long opt = coff + 20;
        if (optionalSize < 72) {
            throw new MalformedBinaryException("optional header of " + optionalSize + " bytes is too small for an image");
        }
        v.require(opt, optionalSize, "optional header");
        int magic = v.u16(opt, "optional header magic");
        boolean plus;
        if (magic == 0x10b) plus = false;
        else if (magic == 0x20b) plus = true;
        else throw new MalformedBinaryException(String.format("unknown optional header magic 0x%x", magic));
        long imageBase = plus ? v.u64(opt + 24, "ImageBase") : v.u32(opt + 28, "ImageBase");
        int subsystem = v.u16(opt + 68, "Subsystem");
        int dllCharacteristics = v.u16(opt + 70, "DllCharacteristics");
        PeImage pe = new PeImage(v, plus, machine, characteristics, dllCharacteristics, subsystem, imageBase);
        pe.optionalHeaderOffset = opt;

        int countAt = plus ? 108 : 92;
        if (optionalSize >= countAt + 4) {
            long declared = v.u32(opt + countAt, "NumberOfRvaAndSizes");
            long fits = (optionalSize - countAt - 4) / 8;
            long count = Math.min(Math.min(declared, fits), 16);
            for (int i = 0; i < count; i++) {
                long at = opt + countAt + 4 + 8L * i;
                pe.directories.add(new DataDirectory(v.u32(at, "directory address"), v.u32(at + 4, "directory size")));
            }
        }
        long sectionTable = opt + optionalSize;
        v.require(sectionTable, 40L * sectionCount, "section table");
        for (int i = 0; i < sectionCount; i++) {
            long at = sectionTable + 40L * i;
            String name = v.cString(at, at + 8, "section name");
            pe.sections.add(new Section(name, v.u32(at + 8, "VirtualSize"), v.u32(at + 12, "VirtualAddress"),
                    v.u32(at + 16, "SizeOfRawData"), v.u32(at + 20, "PointerToRawData"), v.u32(at + 36, "Characteristics")));
        }
        for (Section s : pe.sections) pe.sectionsByAddress.putIfAbsent(s.virtualAddress(), s);
        pe.readLoadConfig();
        pe.bestEffort("import directory", pe::readImports);
        pe.bestEffort("debug directory", pe::readDebugDirectory);
        pe.bestEffort("certificate table", pe::readCertificate);
        pe.bestEffort("CLR header", pe::readClrHeader);
        pe.bestEffort("COFF symbol table", () -> pe.readCoffSymbols(symbolTable, symbolCount));
        return pe;
    }

    private void bestEffort(String what, Runnable reader) {
        try {
            reader.run();
        } catch (MalformedBinaryException e) {
            warnings.add(what + ": " + e.getMessage());
        }
    }

    public DataDirectory directory(int index) {
        return index < directories.size() ? directories.get(index) : new DataDirectory(0, 0);
    }

    /** File offset of a relative virtual address, or -1 when no section holds its bytes in the file. */
    public long fileOffsetOf(long rva) {
        java.util.Map.Entry<Long, Section> entry = sectionsByAddress.floorEntry(rva);
        if (entry == null) return -1;
        Section s = entry.getValue();
        long span = Math.max(s.virtualSize(), s.rawSize());
        long delta = rva - s.virtualAddress();
        if (delta >= span || delta >= s.rawSize()) return -1;
        return s.rawOffset() + delta;
    }

    private long requireRva(long rva, long length, String what) {
        long at = fileOffsetOf(rva);
        if (at < 0) throw new MalformedBinaryException(what + String.format(" at RVA 0x%x is not backed by file data", rva));
        data.require(at, length, what);
        return at;
    }

    private void readLoadConfig() {
        DataDirectory dir = directory(DIR_LOAD_CONFIG);
        if (!dir.present()) return;
        long at;
        try {
            at = requireRva(dir.address(), 4, "load configuration");
        } catch (MalformedBinaryException e) {
            warnings.add(e.getMessage());
            return;
        }
        long size = data.u32(at, "load configuration Size");
        // The loader trusts the structure's own Size field; fields beyond it (or beyond the file) are absent.
        long available = Math.min(size, data.size() - at);
        int w = plus ? 8 : 4;
        loadConfig = new LoadConfig(size,
                field(at, available, plus ? 88 : 60, w),
                field(at, available, plus ? 96 : 64, w),
                field(at, available, plus ? 104 : 68, w),
                field(at, available, plus ? 112 : 72, w),
                field(at, available, plus ? 128 : 80, w),
                field(at, available, plus ? 144 : 88, 4));
    }

    private Long field(long base, long available, int offset, int width) {
        if (offset + width > available) return null;
        return width == 8 ? data.u64(base + offset, "load configuration field") : data.u32(base + offset, "load configuration field");
    }

    private void readImports() {
        DataDirectory dir = directory(DIR_IMPORT);
        if (!dir.present()) return;
        long at = requireRva(dir.address(), 20, "import directory");
        for (int i = 0; i < MAX_IMPORT_DLLS; i++, at += 20) {
            data.require(at, 20, "import descriptor");
            long lookup = data.u32(at, "OriginalFirstThunk");
            long nameRva = data.u32(at + 12, "import Name");
            long thunks = data.u32(at + 16, "FirstThunk");
            if (lookup == 0 && nameRva == 0 && thunks == 0) return;
            long nameAt = requireRva(nameRva, 1, "imported library name");
            String library = data.cString(nameAt, data.size(), "imported library name");
            long table = lookup != 0 ? lookup : thunks;
            long t = requireRva(table, plus ? 8 : 4, "import lookup table");
            for (; imports.size() < MAX_IMPORTS; t += plus ? 8 : 4) {
                long entry = data.word(t, plus, "import lookup entry");
                if (entry == 0) break;
                boolean byOrdinal = plus ? entry < 0 : (entry & 0x80000000L) != 0;
                if (byOrdinal) {
                    imports.add(new Import(library, "#" + (entry & 0xffff)));
                } else {
                    long hint = requireRva(entry & 0x7fffffffL, 3, "import hint/name");
                    imports.add(new Import(library, data.cString(hint + 2, data.size(), "imported function name")));
                }
            }
        }
    }

    private void readDebugDirectory() {
        DataDirectory dir = directory(DIR_DEBUG);
        if (!dir.present()) return;
        long at = requireRva(dir.address(), Math.min(dir.size(), 28), "debug directory");
        long count = Math.min(dir.size() / 28, 64);
        for (long i = 0; i < count; i++) {
            long entry = at + 28 * i;
            long type = data.u32(entry + 12, "debug entry type");
            long size = data.u32(entry + 16, "debug entry size");
            long pointer = data.u32(entry + 24, "debug entry PointerToRawData");
            if (type == DEBUG_TYPE_EX_DLLCHARACTERISTICS && size >= 4) {
                exDllCharacteristics = data.u32(pointer, "extended DLL characteristics");
            }
        }
    }

    /** The certificate table's address is a file offset, not an RVA (PE/COFF spec, "The Attribute Certificate Table"). */
    private void readCertificate() {
        DataDirectory dir = directory(DIR_SECURITY);
        if (!dir.present()) return;
        data.require(dir.address(), dir.size(), "certificate table");
        long length = data.u32(dir.address(), "WIN_CERTIFICATE dwLength");
        int revision = data.u16(dir.address() + 4, "wRevision");
        int certificateType = data.u16(dir.address() + 6, "wCertificateType");
        certificateWellFormed = length >= 8 && length <= dir.size() && (revision == 0x200 || revision == 0x100)
                && certificateType == 2 /* WIN_CERT_TYPE_PKCS_SIGNED_DATA */;
        if (!certificateWellFormed) {
            warnings.add("certificate table present but not a PKCS#7 WIN_CERTIFICATE");
            return;
        }
        authenticode = AuthenticodeDigest.verify(data, plus, optionalHeaderOffset, dir.address() + 8, length - 8,
                dir.address(), dir.size());
    }

    /** IMAGE_COR20_HEADER: cb, runtime version, MetaData directory, then Flags at offset 16. */
    private void readClrHeader() {
        DataDirectory dir = directory(DIR_CLR);
        if (!dir.present()) return;
        long at = requireRva(dir.address(), 20, "CLR header");
        clrFlags = data.u32(at + 16, "CLR header Flags");
    }

    /** MinGW links keep a COFF symbol table unless stripped; it shows statically linked libssp. */
    private void readCoffSymbols(long offset, long count) {
        if (offset == 0 || count == 0) return;
        count = Math.min(count, MAX_COFF_SYMBOLS);
        data.require(offset, 18 * count, "COFF symbol table");
        long strings = offset + 18 * count;
        long stringsSize = data.contains(strings, 4) ? data.u32(strings, "COFF string table size") : 0;
        for (long i = 0; i < count; i++) {
            long at = offset + 18 * i;
            String name;
            if (data.u32(at, "symbol name") == 0) {
                long nameOffset = data.u32(at + 4, "symbol string offset");
                if (nameOffset < 4 || nameOffset >= stringsSize) continue;
                name = data.cString(strings + nameOffset, strings + stringsSize, "COFF symbol name");
            } else {
                name = data.cString(at, at + 8, "COFF short name");
            }
            coffSymbols.add(name);
            i += data.u8(at + 17, "NumberOfAuxSymbols");
        }
    }

    public ByteView data() { return data; }
    public boolean isPe32Plus() { return plus; }
    public int machine() { return machine; }
    public int characteristics() { return characteristics; }
    public int dllCharacteristics() { return dllCharacteristics; }
    public int subsystem() { return subsystem; }
    public long imageBase() { return imageBase; }
    public List<Section> sections() { return Collections.unmodifiableList(sections); }
    public List<Import> imports() { return Collections.unmodifiableList(imports); }
    public Set<String> coffSymbols() { return Collections.unmodifiableSet(coffSymbols); }
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }
    public LoadConfig loadConfig() { return loadConfig; }
    public Long exDllCharacteristics() { return exDllCharacteristics; }
    public boolean hasCertificate() { return directory(DIR_SECURITY).present(); }
    public boolean certificateWellFormed() { return certificateWellFormed; }
    /** Whether the signed image digest matches the file; null when there is no well-formed signature. */
    public AuthenticodeDigest.Result authenticode() { return authenticode; }
    public boolean hasDllCharacteristic(int flag) { return (dllCharacteristics & flag) != 0; }
    public boolean isDll() { return (characteristics & FILE_DLL) != 0; }
    /** The loader can move the image: RELOCS_STRIPPED clear and a base relocation table present. */
    public boolean relocatable() {
        return (characteristics & FILE_RELOCS_STRIPPED) == 0 && directory(DIR_BASERELOC).present();
    }
    public boolean isDotNet() { return directory(DIR_CLR).present(); }
    /** The CLR header's Flags; null when there is no readable CLR header. */
    public Long clrFlags() { return clrFlags; }
    /** IL-only assembly: no native code of its own, so linker and compiler mitigations do not describe it. */
    public boolean isIlOnly() { return clrFlags != null && (clrFlags & COR_IL_ONLY) != 0; }

    /** Kernel drivers run in the native subsystem and link against ntoskrnl.exe. */
    public boolean isDriver() {
        if (subsystem == SUBSYSTEM_NATIVE) {
            return imports.isEmpty() || imports.stream().anyMatch(i -> i.library().equalsIgnoreCase("ntoskrnl.exe")
                    || i.library().equalsIgnoreCase("hal.dll") || i.library().equalsIgnoreCase("wdfldr.sys"));
        }
        return false;
    }

    public boolean imports(String function) {
        for (Import i : imports) {
            if (i.function().equals(function)) return true;
        }
        return false;
    }

    public String machineName() {
        return switch (machine) {
            case MACHINE_I386 -> "x86";
            case MACHINE_AMD64 -> "x86-64";
            case MACHINE_ARM64 -> "aarch64";
            case MACHINE_ARMNT -> "arm";
            default -> String.format("machine-0x%x", machine);
        };
    }
}
