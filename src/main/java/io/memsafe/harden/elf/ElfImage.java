package io.memsafe.harden.elf;

import io.memsafe.harden.binary.ByteView;
import io.memsafe.harden.binary.MalformedBinaryException;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ELF file that decide its exploit mitigations, decoded eagerly by {@link #parse}.
 *
 * <p><b>Why not CDT's {@code org.eclipse.cdt.utils.elf.Elf}:</b> it reads whole sections into arrays sized
 * from header fields (a hostile {@code sh_size} means a huge allocation), throws runtime exceptions from
 * deep inside on truncated files, and does not expose program headers' flags, notes or {@code DT_FLAGS_1}
 * the way the checks need them. This reader works over a {@link ByteView}: every offset is bounds-checked,
 * counts are capped by the bytes actually present, and any inconsistency becomes a
 * {@link MalformedBinaryException} with a message naming the structure. Structures that are optional
 * for a verdict (notes, symbol tables) are read best-effort and recorded in {@link #warnings()} instead
 * of failing the whole file.
 */
public final class ElfImage {
    public static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;
    public static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_PHDR = 6;
    public static final int PT_GNU_STACK = 0x6474e551, PT_GNU_RELRO = 0x6474e552;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    public static final int SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_DYNAMIC = 6, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_DYNSYM = 11;
    public static final long SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;
    public static final long DT_NULL = 0, DT_STRTAB = 5, DT_STRSZ = 10, DT_SONAME = 14, DT_RPATH = 15,
            DT_DEBUG = 21, DT_TEXTREL = 22, DT_BIND_NOW = 24, DT_RUNPATH = 29, DT_FLAGS = 30, DT_FLAGS_1 = 0x6ffffffbL;
    public static final long DF_TEXTREL = 0x4, DF_BIND_NOW = 0x8, DF_1_NOW = 0x1, DF_1_PIE = 0x08000000L;
    public static final int EM_386 = 3, EM_ARM = 40, EM_X86_64 = 62, EM_AARCH64 = 183, EM_RISCV = 243;
    public static final int GNU_PROPERTY_X86_FEATURE_1_AND = 0xc0000002;
    public static final int GNU_PROPERTY_AARCH64_FEATURE_1_AND = 0xc0000000;

    /** Marker the kernel's sign-file appends after the PKCS#7 blob and its trailer. */
    public static final String MODULE_SIGNATURE_MARKER = "~Module signature appended~\n";

    /** Cap on program/section headers and dynamic entries; real files have at most a few thousand. */
    private static final int MAX_HEADERS = 1 << 16;

    public record ProgramHeader(long type, long flags, long offset, long vaddr, long fileSize, long memSize, long align) {
        public boolean executable() { return (flags & PF_X) != 0; }
        public boolean writable() { return (flags & PF_W) != 0; }
    }

    public record Section(String name, long type, long flags, long address, long offset, long size, long link,
                          long align, long entrySize) {
        public boolean occupiesFile() { return type != SHT_NOBITS; }
    }

    public record DynamicEntry(long tag, long value) {}

    public record Symbol(String name, boolean defined, int type, int binding) {}

    private final ByteView data;
    private final boolean wide;
    private final int type;
    private final int machine;
    private final List<ProgramHeader> programHeaders = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<DynamicEntry> dynamic = new ArrayList<>();
    private final List<Symbol> dynamicSymbols = new ArrayList<>();
    private final List<Symbol> staticSymbols = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> modinfo = new LinkedHashMap<>();
    private String interpreter;
    private String soname;
    private List<String> rpath;
    private List<String> runpath;
    private boolean symtabPresent;
    private int noteBudget = 4096;
    private int propertyBudget = 1 << 16;
    private Long x86Features;
    private Long aarch64Features;

    private ElfImage(ByteView data, boolean wide, int type, int machine) {
        this.data = data;
        this.wide = wide;
        this.type = type;
        this.machine = machine;
    }

    /** True when the first bytes are the ELF magic. */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    public static ElfImage parse(ByteView file) {
        file.require(0, 16, "ELF identification");
        if (file.u8(0, "magic") != 0x7f || file.u8(1, "magic") != 'E' || file.u8(2, "magic") != 'L' || file.u8(3, "magic") != 'F') {
            throw new MalformedBinaryException("not an ELF file");
        }
        int elfClass = file.u8(4, "EI_CLASS");
        int encoding = file.u8(5, "EI_DATA");
        if (elfClass != 1 && elfClass != 2) {
            throw new MalformedBinaryException("unknown ELF class " + elfClass);
        }
        if (encoding != 1 && encoding != 2) {
            throw new MalformedBinaryException("unknown ELF data encoding " + encoding);
        }
        ByteView v = file.withOrder(encoding == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        boolean wide = elfClass == 2;
        v.require(0, wide ? 64 : 52, "ELF header");
        ElfImage elf = new ElfImage(v, wide, v.u16(16, "e_type"), v.u16(18, "e_machine"));
        elf.readHeaders();
        return elf;
    }

    private void readHeaders() {
        long phoff = data.word(wide ? 32 : 28, wide, "e_phoff");
        long shoff = data.word(wide ? 40 : 32, wide, "e_shoff");
        int base = wide ? 52 : 40;
        int phentsize = data.u16(base + 2, "e_phentsize");
        int phnum = data.u16(base + 4, "e_phnum");
        int shentsize = data.u16(base + 6, "e_shentsize");
        long shnum = data.u16(base + 8, "e_shnum");
        long shstrndx = data.u16(base + 10, "e_shstrndx");

        if (phnum > 0) {
            int minimum = wide ? 56 : 32;
            if (phentsize < minimum) {
                throw new MalformedBinaryException("e_phentsize " + phentsize + " is smaller than a program header");
            }
            // PN_XNUM (0xffff) would move the count to section 0; no real program needs it, cap instead.
            long count = Math.min(phnum, MAX_HEADERS);
            for (long i = 0; i < count; i++) {
                programHeaders.add(readProgramHeader(checkedAdd(phoff, i * phentsize, "program header")));
            }
        }

        if (shoff != 0) {
            int minimum = wide ? 64 : 40;
            if (shentsize < minimum) {
                throw new MalformedBinaryException("e_shentsize " + shentsize + " is smaller than a section header");
            }
            if (shnum == 0 || shstrndx == 0xffff) {
                // Extended numbering: the real values live in section header 0 (sh_size / sh_link).
                long size0 = data.word(checkedAdd(shoff, wide ? 32 : 20, "section 0"), wide, "section 0 size");
                long link0 = data.u32(checkedAdd(shoff, wide ? 40 : 24, "section 0"), "section 0 link");
                if (shnum == 0) shnum = size0;
                if (shstrndx == 0xffff) shstrndx = link0;
            }
            if (shoff < 0 || shoff > data.size()) {
                throw new MalformedBinaryException("section header table offset " + Long.toUnsignedString(shoff)
                        + " lies outside the file of " + data.size() + " bytes");
            }
            long possible = (data.size() - shoff) / shentsize;
            if (Long.compareUnsigned(shnum, possible) > 0) {
                throw new MalformedBinaryException("section header table (" + Long.toUnsignedString(shnum)
                        + " entries at offset " + Long.toUnsignedString(shoff) + ") lies outside the file");
            }
            shnum = Math.min(shnum, MAX_HEADERS);
            List<long[]> raw = new ArrayList<>();
            for (long i = 0; i < shnum; i++) {
                raw.add(readSectionHeader(shoff + i * shentsize));
            }
            long[] names = shstrndx < raw.size() ? raw.get((int) shstrndx) : null;
            for (long[] s : raw) {
                String name = "";
                if (names != null && names[1] != SHT_NOBITS) {
                    long limit = names[4] + names[5];
                    if (Long.compareUnsigned(s[0], names[5]) < 0 && data.contains(names[4], names[5])) {
                        name = data.cString(names[4] + s[0], limit, "section name");
                    }
                }
                sections.add(new Section(name, s[1], s[2], s[3], s[4], s[5], s[6], s[8], s[9]));
            }
        }

        readInterpreter();
        readDynamic();
        readSymbols();
        readNotes();
        readModinfo();
    }

    private ProgramHeader readProgramHeader(long at) {
        if (wide) {
            return new ProgramHeader(data.u32(at, "p_type"), data.u32(at + 4, "p_flags"), data.u64(at + 8, "p_offset"),
                    data.u64(at + 16, "p_vaddr"), data.u64(at + 32, "p_filesz"), data.u64(at + 40, "p_memsz"),
                    data.u64(at + 48, "p_align"));
        }
        return new ProgramHeader(data.u32(at, "p_type"), data.u32(at + 24, "p_flags"), data.u32(at + 4, "p_offset"),
                data.u32(at + 8, "p_vaddr"), data.u32(at + 16, "p_filesz"), data.u32(at + 20, "p_memsz"),
                data.u32(at + 28, "p_align"));
    }

    /** name, type, flags, addr, offset, size, link, info, addralign, entsize. */
    private long[] readSectionHeader(long at) {
        if (wide) {
            return new long[] {data.u32(at, "sh_name"), data.u32(at + 4, "sh_type"), data.u64(at + 8, "sh_flags"),
                    data.u64(at + 16, "sh_addr"), data.u64(at + 24, "sh_offset"), data.u64(at + 32, "sh_size"),
                    data.u32(at + 40, "sh_link"), data.u32(at + 44, "sh_info"), data.u64(at + 48, "sh_addralign"),
                    data.u64(at + 56, "sh_entsize")};
        }
        return new long[] {data.u32(at, "sh_name"), data.u32(at + 4, "sh_type"), data.u32(at + 8, "sh_flags"),
                data.u32(at + 12, "sh_addr"), data.u32(at + 16, "sh_offset"), data.u32(at + 20, "sh_size"),
                data.u32(at + 24, "sh_link"), data.u32(at + 28, "sh_info"), data.u32(at + 32, "sh_addralign"),
                data.u32(at + 36, "sh_entsize")};
    }

    private static long checkedAdd(long a, long b, String what) {
        long r = a + b;
        if (a < 0 || b < 0 || r < 0) {
            throw new MalformedBinaryException(what + " offset overflows");
        }
        return r;
    }

    /**
     * Separate debug-info files (objcopy --only-keep-debug) keep the program headers but turn the loaded
     * sections into SHT_NOBITS: their PT_INTERP/PT_DYNAMIC offsets point at unrelated bytes.
     */
    private boolean sectionEmptied(String name, long type) {
        for (Section s : sections) {
            if ((name != null && s.name().equals(name)) || (type >= 0 && s.type() == type)) return !s.occupiesFile();
        }
        return false;
    }

    private void readInterpreter() {
        if (sectionEmptied(".interp", -1)) return;
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == PT_INTERP) {
                data.require(ph.offset(), Math.min(ph.fileSize(), 1), "PT_INTERP");
                interpreter = data.cString(ph.offset(), ph.offset() + ph.fileSize(), "interpreter path");
                return;
            }
        }
    }

    private void readDynamic() {
        long offset = -1, size = 0;
        Section dynamicSection = null;
        for (Section s : sections) {
            if (s.type() == SHT_DYNAMIC && s.occupiesFile()) {
                dynamicSection = s;
                offset = s.offset();
                size = s.size();
                break;
            }
        }
        if (dynamicSection == null && !sectionEmptied(".dynamic", SHT_DYNAMIC)) {
            for (ProgramHeader ph : programHeaders) {
                if (ph.type() == PT_DYNAMIC) {
                    offset = ph.offset();
                    size = ph.fileSize();
                    break;
                }
            }
        }
        if (offset < 0) {
            return;
        }
        data.require(offset, size, "dynamic section");
        int entry = wide ? 16 : 8;
        long count = Math.min(size / entry, MAX_HEADERS);
        for (long i = 0; i < count; i++) {
            long at = offset + i * entry;
            long tag = data.word(at, wide, "d_tag");
            if (tag == DT_NULL) {
                break;
            }
            dynamic.add(new DynamicEntry(tag, data.word(at + (wide ? 8 : 4), wide, "d_val")));
        }
        // The dynamic string table: prefer the section link, fall back to DT_STRTAB mapped through PT_LOAD
        // (section headers may be stripped by sstrip-like tools; the loader only uses the latter).
        long strOffset = -1, strSize = 0;
        if (dynamicSection != null && dynamicSection.link() < sections.size()) {
            Section str = sections.get((int) dynamicSection.link());
            if (str.type() == SHT_STRTAB) {
                strOffset = str.offset();
                strSize = str.size();
            }
        }
        if (strOffset < 0) {
            Long address = dynamicValue(DT_STRTAB);
            Long sz = dynamicValue(DT_STRSZ);
            if (address != null && sz != null) {
                strOffset = fileOffsetOf(address);
                strSize = sz;
            }
        }
        if (strOffset < 0 || !data.contains(strOffset, strSize)) {
            if (dynamicValue(DT_SONAME) != null || dynamicValue(DT_RPATH) != null || dynamicValue(DT_RUNPATH) != null) {
                warnings.add("dynamic string table is missing or outside the file; SONAME/RPATH/RUNPATH unreadable");
            }
            return;
        }
        long end = strOffset + strSize;
        for (DynamicEntry e : dynamic) {
            if (e.tag() != DT_SONAME && e.tag() != DT_RPATH && e.tag() != DT_RUNPATH) continue;
            if (Long.compareUnsigned(e.value(), strSize) >= 0) {
                throw new MalformedBinaryException("dynamic entry string offset " + Long.toUnsignedString(e.value())
                        + " outside the dynamic string table");
            }
            String s = data.cString(strOffset + e.value(), end, "dynamic string");
            if (e.tag() == DT_SONAME) soname = s;
            else if (e.tag() == DT_RPATH) rpath = List.of(s.split(":", -1));
            else runpath = List.of(s.split(":", -1));
        }
    }

    /** File offset of a virtual address through the PT_LOAD segments, or -1. */
    public long fileOffsetOf(long address) {
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == PT_LOAD && Long.compareUnsigned(address, ph.vaddr()) >= 0
                    && Long.compareUnsigned(address - ph.vaddr(), ph.fileSize()) < 0) {
                return ph.offset() + (address - ph.vaddr());
            }
        }
        return -1;
    }

    /**
     * Reads the first .dynsym and the first .symtab only: the gABI allows one of each, and a hostile file
     * with thousands of symbol tables spanning the whole file would otherwise cost quadratic time.
     */
    private void readSymbols() {
        boolean dynamicRead = false, staticRead = false;
        for (Section s : sections) {
            if (s.type() != SHT_DYNSYM && s.type() != SHT_SYMTAB) continue;
            if (s.type() == SHT_SYMTAB) symtabPresent = true;
            if (!s.occupiesFile()) continue;
            if (s.type() == SHT_DYNSYM ? dynamicRead : staticRead) continue;
            if (s.type() == SHT_DYNSYM) dynamicRead = true;
            else staticRead = true;
            List<Symbol> into = s.type() == SHT_DYNSYM ? dynamicSymbols : staticSymbols;
            try {
                readSymbolTable(s, into);
            } catch (MalformedBinaryException e) {
                warnings.add("symbol table " + s.name() + ": " + e.getMessage());
            }
        }
    }

    private void readSymbolTable(Section table, List<Symbol> into) {
        int entry = wide ? 24 : 16;
        data.require(table.offset(), table.size(), "symbol table " + table.name());
        if (table.link() >= sections.size()) {
            throw new MalformedBinaryException("string table index " + table.link() + " out of range");
        }
        Section strings = sections.get((int) table.link());
        if (!strings.occupiesFile()) return;
        data.require(strings.offset(), strings.size(), "symbol string table");
        long end = strings.offset() + strings.size();
        long count = table.size() / entry;
        for (long i = 1; i < count; i++) { // entry 0 is the reserved null symbol
            long at = table.offset() + i * entry;
            long nameOffset = data.u32(at, "st_name");
            int info = data.u8(at + (wide ? 4 : 12), "st_info");
            int shndx = data.u16(at + (wide ? 6 : 14), "st_shndx");
            String name = Long.compareUnsigned(nameOffset, strings.size()) < 0
                    ? data.cString(strings.offset() + nameOffset, end, "symbol name") : "";
            if (!name.isEmpty()) {
                into.add(new Symbol(name, shndx != 0, info & 0xf, info >>> 4));
            }
        }
    }

    private void readNotes() {
        boolean fromSections = false;
        for (Section s : sections) {
            if (s.type() == SHT_NOTE && s.occupiesFile()) {
                fromSections = true;
                readNoteArea(s.offset(), s.size(), s.align(), s.name());
            }
        }
        if (!fromSections) {
            for (ProgramHeader ph : programHeaders) {
                if (ph.type() == PT_NOTE) {
                    readNoteArea(ph.offset(), ph.fileSize(), ph.align(), "PT_NOTE");
                }
            }
        }
    }

    private void readNoteArea(long offset, long size, long align, String where) {
        if (!data.contains(offset, size)) {
            warnings.add("note area " + where + " lies outside the file");
            return;
        }
        long pad = align == 8 ? 8 : 4;
        long at = offset, end = offset + size;
        // One budget for the whole file, so many note areas overlapping the same bytes cannot add up.
        while (end - at >= 12 && noteBudget-- > 0) {
            long nameSize = data.u32(at, "n_namesz");
            long descSize = data.u32(at + 4, "n_descsz");
            long noteType = data.u32(at + 8, "n_type");
            long nameAt = at + 12;
            // Name and descriptor each start at the note area's alignment (gABI; 8 for .note.gnu.property on ELF64).
            long descAt = at + alignUp(12 + nameSize, pad);
            long next = descAt + alignUp(descSize, pad);
            if (next > end || next <= at) {
                warnings.add("note in " + where + " overruns its area");
                return;
            }
            String name = data.cString(nameAt, nameAt + nameSize, "note name");
            if ("GNU".equals(name) && noteType == 5 /* NT_GNU_PROPERTY_TYPE_0 */) {
                readGnuProperties(descAt, descSize);
            }
            at = next;
        }
    }

    private void readGnuProperties(long at, long size) {
        long end = at + size;
        long pad = wide ? 8 : 4;
        while (end - at >= 8 && propertyBudget-- > 0) {
            long propertyType = data.u32(at, "pr_type");
            long dataSize = data.u32(at + 4, "pr_datasz");
            if (dataSize > end - at - 8) {
                warnings.add("GNU property overruns its note");
                return;
            }
            if (dataSize >= 4 && propertyType == (GNU_PROPERTY_X86_FEATURE_1_AND & 0xffffffffL)) {
                x86Features = data.u32(at + 8, "x86 feature bits");
            } else if (dataSize >= 4 && propertyType == (GNU_PROPERTY_AARCH64_FEATURE_1_AND & 0xffffffffL)) {
                aarch64Features = data.u32(at + 8, "aarch64 feature bits");
            }
            at += 8 + alignUp(dataSize, pad);
        }
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    private void readModinfo() {
        for (Section s : sections) {
            if (!".modinfo".equals(s.name()) || !s.occupiesFile()) continue;
            if (!modinfo.isEmpty()) return; // only the first .modinfo: modpost writes one
            if (!data.contains(s.offset(), s.size())) {
                warnings.add(".modinfo lies outside the file");
                return;
            }
            long at = s.offset(), end = s.offset() + s.size();
            int guard = 0;
            while (at < end && guard++ < 100_000) {
                String entry = data.cString(at, end, ".modinfo entry");
                at += entry.length() + 1;
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    modinfo.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
    }

    public ByteView data() { return data; }
    public boolean is64Bit() { return wide; }
    public boolean isLittleEndian() { return data.order() == ByteOrder.LITTLE_ENDIAN; }
    public int type() { return type; }
    public int machine() { return machine; }
    public List<ProgramHeader> programHeaders() { return Collections.unmodifiableList(programHeaders); }
    public List<Section> sections() { return Collections.unmodifiableList(sections); }
    public List<DynamicEntry> dynamicEntries() { return Collections.unmodifiableList(dynamic); }
    public List<Symbol> dynamicSymbols() { return Collections.unmodifiableList(dynamicSymbols); }
    public List<Symbol> staticSymbols() { return Collections.unmodifiableList(staticSymbols); }
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }
    public Map<String, String> modinfo() { return Collections.unmodifiableMap(modinfo); }
    public String interpreter() { return interpreter; }
    public String soname() { return soname; }
    public List<String> rpath() { return rpath; }
    public List<String> runpath() { return runpath; }
    public boolean hasSymtab() { return symtabPresent; }
    /** Bits of GNU_PROPERTY_X86_FEATURE_1_AND (IBT=1, SHSTK=2), or null when the note is absent. */
    public Long x86Features() { return x86Features; }
    public Long aarch64Features() { return aarch64Features; }

    public boolean hasDynamicTag(long tag) {
        return dynamicValue(tag) != null;
    }

    public Long dynamicValue(long tag) {
        for (DynamicEntry e : dynamic) {
            if (e.tag() == tag) return e.value();
        }
        return null;
    }

    public ProgramHeader programHeader(long type) {
        for (ProgramHeader ph : programHeaders) {
            if (ph.type() == type) return ph;
        }
        return null;
    }

    public Section section(String name) {
        for (Section s : sections) {
            if (s.name().equals(name)) return s;
        }
        return null;
    }

    /** A kernel module is a relocatable object the kernel's modpost has given a .modinfo / this_module. */
    public boolean isKernelModule() {
        return type == ET_REL && (section(".modinfo") != null || section(".gnu.linkonce.this_module") != null);
    }

    public boolean isSharedObject() {
        return type == ET_DYN;
    }

    /**
     * A position-independent <em>executable</em>, as opposed to a shared library: GNU ld and lld set
     * DF_1_PIE since binutils 2.26; older PIEs are recognised by having an interpreter and no SONAME
     * (libc.so.6 has both an interpreter and a SONAME and is a library).
     */
    public boolean isPositionIndependentExecutable() {
        if (type != ET_DYN) return false;
        Long flags1 = dynamicValue(DT_FLAGS_1);
        if (flags1 != null && (flags1 & DF_1_PIE) != 0) return true;
        return interpreter != null && soname == null;
    }

    /** True when the file has a .dynsym section header, even an emptied (NOBITS) one in a debug-info file. */
    public boolean hasDynamicSymbolTable() {
        for (Section s : sections) if (s.type() == SHT_DYNSYM || s.name().equals(".dynsym")) return true;
        return false;
    }

    public boolean hasBindNow() {
        if (hasDynamicTag(DT_BIND_NOW)) return true;
        Long flags = dynamicValue(DT_FLAGS);
        if (flags != null && (flags & DF_BIND_NOW) != 0) return true;
        Long flags1 = dynamicValue(DT_FLAGS_1);
        return flags1 != null && (flags1 & DF_1_NOW) != 0;
    }

    public boolean hasModuleSignature() {
        return data.endsWith(MODULE_SIGNATURE_MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public String machineName() {
        return switch (machine) {
            case EM_386 -> "x86";
            case EM_X86_64 -> "x86-64";
            case EM_ARM -> "arm";
            case EM_AARCH64 -> "aarch64";
            case EM_RISCV -> "riscv";
            case 8 -> "mips";
            case 20 -> "ppc";
            case 21 -> "ppc64";
            case 22 -> "s390";
            case 43 -> "sparcv9";
            case 258 -> "loongarch";
            default -> "em-" + machine;
        };
    }

    public boolean isX86() {
        return machine == EM_386 || machine == EM_X86_64;
    }
}
