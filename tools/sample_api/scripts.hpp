// Outlets of the sample news API that write in the world's other scripts,
// with stories carried untranslated — as the ingest carries them where no
// offline translator exists for the language. They make the default app
// show headlines and outlet names in Han (Simplified and Traditional),
// Japanese, Hangul, Arabic, Persian, Urdu, Hebrew, Devanagari, Bengali,
// Tamil, Thai, Khmer, Myanmar, Georgian, Armenian and Ethiopic, with
// mixed-direction lines (an Arabic headline with "COP30" and "2026"),
// Persian's zero-width non-joiner, Indic conjuncts and text without spaces
// between words (Thai, Khmer, Myanmar, CJK).
//
// Every outlet is invented, every domain sits under .example, and every
// line was written for this file: none is copied from a real article.
#pragma once

#include <vector>

namespace sample {

struct ScriptOutlet {
  const char* iso;           // the country; the main table's, or one only this table has
  const char* country_name;  // for a country the main table lacks (else nullptr)
  const char* name;
  const char* domain;
  const char* lang;
  std::vector<const char*> headlines;
  const char* excerpt;  // the article's first lines: these sources give only an excerpt
};

inline const std::vector<ScriptOutlet> kScriptOutlets = {
    {"JP", nullptr, "朝凪新聞", "asanagi-shimbun.example", "ja",
     {"東京湾の新しい防潮堤、2026年春に完成へ", "大阪で記録的な猛暑、市民に熱中症への注意呼びかけ",
      "北海道の農家、円安で輸出好調も人手不足が課題に"},
     "市の担当者は「住民の安全を最優先に、工事を計画どおり進める」と話した。専門家は、長期的な気候変動への備えが"
     "欠かせないと指摘している。"},
    {"SA", nullptr, "صدى الرمال", "sada-alrimal.example", "ar",
     {"قمة المناخ COP30 تختتم أعمالها باتفاق على تمويل التكيف حتى 2030",
      "افتتاح أول خط للقطار السريع بين الرياض والدمام في 2026",
      "أسعار التمور ترتفع مع بداية موسم الحصاد في القصيم"},
     "وقال المتحدث باسم الوزارة إن المشروع سيخدم أكثر من 12 مليون مسافر سنوياً، مضيفاً أن الأعمال تسير وفق الجدول "
     "الزمني المحدد."},
    {"EG", nullptr, "مرآة النيل", "mirat-alnil.example", "ar",
     {"معرض القاهرة للكتاب يستقبل مليون زائر في أسبوعه الأول", "ارتفاع منسوب النيل يعيد الأمل لمزارعي الصعيد"},
     "وأكد المنظمون أن دورة هذا العام شهدت مشاركة واسعة من دور النشر العربية والأجنبية."},
    {"IN", nullptr, "प्रभात संदेश", "prabhat-sandesh.example", "hi",
     {"दिल्ली में प्रदूषण के ख़िलाफ़ नई योजना, स्कूलों की छुट्टियाँ बढ़ीं",
      "मुंबई की लोकल ट्रेनों में 2026 तक स्वचालित दरवाज़े लगेंगे",
      "किसानों को मौसम की सटीक जानकारी देगा नया उपग्रह"},
     "अधिकारियों ने बताया कि योजना का पहला चरण अगले महीने शुरू होगा और इससे लाखों यात्रियों को राहत मिलेगी।"},
    {"IN", nullptr, "தினச் சுடர்", "dina-sudar.example", "ta",
     {"சென்னையில் கனமழை: பள்ளிகளுக்கு இன்று விடுமுறை", "மதுரை மல்லிகைக்கு உலகச் சந்தையில் அதிக வரவேற்பு"},
     "வானிலை ஆய்வு மையம் அடுத்த இரண்டு நாட்களுக்கு மிதமான மழை தொடரும் என்று தெரிவித்துள்ளது."},
    {"BD", "Bangladesh", "নদীর কণ্ঠ", "nodir-kontho.example", "bn",
     {"ঢাকায় মেট্রোরেলের নতুন লাইন চালু, যাত্রীদের উচ্ছ্বাস", "বন্যার পানি নামতে শুরু করেছে, ত্রাণ পৌঁছাচ্ছে উত্তরাঞ্চলে"},
     "কর্তৃপক্ষ জানিয়েছে, প্রতিদিন প্রায় পাঁচ লাখ যাত্রী নতুন লাইনে যাতায়াত করতে পারবেন।"},
    {"CN", nullptr, "江畔时报", "jiangpan-shibao.example", "zh-Hans",
     {"成都大熊猫基地迎来一对双胞胎幼崽", "上海港集装箱吞吐量创历史新高"},
     "专家表示，这一成果得益于多年来持续的保护工作和科研投入。"},
    {"TW", "Taiwan", "島嶼晨報", "daoyu-chenbao.example", "zh-Hant",
     {"臺北捷運環狀線北段動工，預計2030年通車", "颱風過後，花蓮農民搶收文旦"},
     "交通部表示，新路線將大幅縮短通勤時間，並帶動沿線地區發展。"},
    {"KR", nullptr, "한빛 저널", "hanbit-journal.example", "ko",
     {"서울 지하철 9호선 연장 구간, 2026년 개통 예정", "부산국제영화제 관객 역대 최다 기록"},
     "시 관계자는 \"시민들의 출퇴근 시간이 크게 줄어들 것\"이라고 밝혔다."},
    {"IL", nullptr, "זרקור הצפון", "zarkor-hatzafon.example", "he",
     {"רכבת חדשה תחבר את חיפה לבית שאן עד 2027", "מחקר: 40% מהצעירים רוצים לעבוד מהבית"},
     "לדברי משרד התחבורה, הקו החדש יקצר את זמן הנסיעה בכחצי שעה."},
    {"IR", "Iran", "آینه شهر", "ayneh-shahr.example", "fa",
     {"بارش برف راه‌های شمال کشور را بست", "نمایشگاه کتاب تهران با حضور ۲۰۰ ناشر خارجی آغاز شد"},
     "مسئولان راهداری از مسافران خواستند تا اطلاع ثانوی از سفرهای غیرضروری خودداری کنند."},
    {"PK", nullptr, "روشنی نیوز", "roshni-news.example", "ur",
     {"کراچی میں پانی کی قلت، شہریوں کا احتجاج", "لاہور میں کتاب میلہ، نوجوانوں کی بڑی تعداد شریک"},
     "حکام کا کہنا ہے کہ آئندہ ہفتے تک پانی کی فراہمی معمول پر آ جائے گی۔"},
    {"TH", nullptr, "ข่าวเช้าริมน้ำ", "khaochao-rimnam.example", "th",
     {"กรุงเทพมหานครเตรียมเปิดรถไฟฟ้าสายใหม่ปลายปีนี้", "เกษตรกรภาคเหนือยิ้มได้ราคาลำไยพุ่งสูงเป็นประวัติการณ์"},
     "ผู้ว่าราชการจังหวัดกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจรติดขัดในเมืองได้อย่างมาก"},
    {"KH", "Cambodia", "សំឡេងមេគង្គ", "samleng-mekong.example", "km",
     {"ភ្នំពេញបើកស្ពានថ្មីឆ្លងទន្លេមេគង្គ", "កសិករខេត្តបាត់ដំបងទទួលផលស្រូវល្អឆ្នាំនេះ"},
     "មន្ត្រីក្រសួងបានឱ្យដឹងថាស្ពាននេះនឹងជួយកាត់បន្ថយការកកស្ទះចរាចរណ៍។"},
    {"MM", "Myanmar", "ရွှေမြစ်သတင်း", "shwemyit-news.example", "my",
     {"ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်း", "မန္တလေးတွင် စာအုပ်ပွဲတော် စတင်ကျင်းပ"},
     "မိုးလေဝသဌာနက နောက်နှစ်ရက်အတွင်း မိုးဆက်လက်ရွာသွန်းနိုင်ကြောင်း ခန့်မှန်းထားသည်။"},
    {"GE", "Georgia", "დილის ექო", "dilis-eqo.example", "ka",
     {"თბილისში ახალი მეტროს სადგური გაიხსნა", "რთველი კახეთში: ყურძნის მოსავალი რეკორდულია"},
     "ქალაქის მერიის ცნობით, სადგური დღეში ათასობით მგზავრს მოემსახურება."},
    {"AM", "Armenia", "Արարատյան լուր", "araratyan-lur.example", "hy",
     {"Երևանում բացվեց նոր գրադարան", "Սևանա լճի ջրի մակարդակը բարձրացել է"},
     "Քաղաքապետարանի տվյալներով՝ գրադարանը կունենա ավելի քան հիսուն հազար գիրք։"},
    {"ET", nullptr, "የጠዋት ዜና", "yetewat-zena.example", "am",
     {"አዲስ አበባ አዲስ የባቡር መስመር ልትከፍት ነው", "የቡና ምርት በዚህ ዓመት ጨምሯል"},
     "የከተማው አስተዳደር እንደገለጸው፣ መስመሩ በቀን በሺዎች የሚቆጠሩ ተሳፋሪዎችን ያገለግላል።"},
};

}  // namespace sample
