/** Lists as files: CSV and XLSX, written through Commons CSV and FastExcel, safe to open in a spreadsheet. */
package com.partnerportal.web.export;
